using System.Collections.Concurrent;
using Cluster.Runtime.Messaging;

namespace Cluster.Runtime.Catalog;

/// <summary>The silo's activations by grain id: finds or creates the activation a request goes to.</summary>
internal sealed class Catalog(SiloRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _workers = new();
    private readonly Func<GrainId, GrainClassInfo, ActivationData> _create = (id, info) => new ActivationData(runtime, info, id);

    public int Count
    {
        get
        {
            var n = _activations.Count;
            foreach (var g in _workers.Values)
                n += g.Count;
            return n;
        }
    }

    /// <summary>Queues the request on its activation, creating the activation on first use.</summary>
    public void Deliver(Request request, GrainClassInfo classInfo)
    {
        if (classInfo.IsStatelessWorker)
        {
            var group = _workers.GetOrAdd(request.Target, static (id, s) => new StatelessWorkerGroup(s.runtime, s.classInfo, id), (runtime, classInfo));
            group.Deliver(request);
            return;
        }
        while (true)
        {
            var activation = _activations.GetOrAdd(request.Target, _create, classInfo);
            if (activation.MayDeadlockOn(request))
                request.MayDeadlock = true;
            if (activation.TryEnqueue(request))
                return;
            // That activation finished deactivating; drop it if it is still listed and try again.
            _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(request.Target, activation));
        }
    }

    public void OnActivationRemoved(ActivationData activation)
    {
        if (activation.WorkerGroup is { } group)
            group.Remove(activation);
        else
            _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
    }

    public bool TryGetActivation(GrainId id, out ActivationData? activation) => _activations.TryGetValue(id, out activation);

    /// <summary>A snapshot of all activations, stateless workers included.</summary>
    public List<ActivationData> All()
    {
        var list = new List<ActivationData>(_activations.Count);
        foreach (var a in _activations.Values)
            list.Add(a);
        foreach (var g in _workers.Values)
            g.AddTo(list);
        return list;
    }

    public void RemoveEmptyWorkerGroups()
    {
        foreach (var (id, g) in _workers)
        {
            if (g.Count == 0)
                _workers.TryRemove(new KeyValuePair<GrainId, StatelessWorkerGroup>(id, g));
        }
    }
}

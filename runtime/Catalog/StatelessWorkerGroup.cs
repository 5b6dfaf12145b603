using Cluster.Runtime.Messaging;

namespace Cluster.Runtime.Catalog;

/// <summary>
/// The local activations of one stateless worker grain: a request goes to an idle one, a new one is created
/// while all are busy and fewer than the bound exist, otherwise to the one with the shortest queue.
/// </summary>
internal sealed class StatelessWorkerGroup(SiloRuntime runtime, GrainClassInfo classInfo, GrainId grainId)
{
    private readonly List<ActivationData> _activations = [];

    public int Count
    {
        get
        {
            lock (_activations)
                return _activations.Count;
        }
    }

    public void Deliver(Request request)
    {
        while (true)
        {
            ActivationData target;
            lock (_activations)
            {
                target = Choose();
            }
            if (target.TryEnqueue(request))
                return;
            Remove(target);
        }
    }

    private ActivationData Choose()
    {
        ActivationData? shortest = null;
        var shortestLength = int.MaxValue;
        foreach (var a in _activations)
        {
            if (a.State is ActivationState.Deactivating or ActivationState.Invalid)
                continue;
            if (!a.IsBusy)
                return a;
            var length = a.QueueLength;
            if (length < shortestLength)
            {
                shortest = a;
                shortestLength = length;
            }
        }
        if (shortest is null || _activations.Count < classInfo.MaxLocalWorkers)
        {
            var created = new ActivationData(runtime, classInfo, grainId, this);
            _activations.Add(created);
            return created;
        }
        return shortest;
    }

    public void Remove(ActivationData activation)
    {
        lock (_activations)
            _activations.Remove(activation);
    }

    public void AddTo(List<ActivationData> list)
    {
        lock (_activations)
            list.AddRange(_activations);
    }
}

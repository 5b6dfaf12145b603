using Microsoft.Extensions.Logging;

namespace Cluster.Runtime.Catalog;

/// <summary>Deactivates activations that stayed idle longer than their grain type's collection age.</summary>
internal sealed class ActivationCollector : IDisposable
{
    private readonly SiloRuntime _runtime;
    private readonly Timer _timer;
    private int _running;

    public ActivationCollector(SiloRuntime runtime)
    {
        _runtime = runtime;
        var period = runtime.Options.CollectionQuantum;
        _timer = new Timer(static s => ((ActivationCollector)s!).Collect(), this, period, period);
    }

    private void Collect()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
            return;
        try
        {
            var now = Environment.TickCount64;
            var reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, "idle longer than the collection age");
            var collected = 0;
            foreach (var a in _runtime.Catalog.All())
            {
                var age = a.ClassInfo.CollectionAge ?? _runtime.Options.CollectionAge;
                if (a.IsIdleFor(age, now))
                {
                    _ = a.StartDeactivation(reason);
                    collected++;
                }
            }
            _runtime.Catalog.RemoveEmptyWorkerGroups();
            if (collected > 0)
                _runtime.Logger.LogDebug("Collecting {Count} idle activations", collected);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public void Dispose() => _timer.Dispose();
}

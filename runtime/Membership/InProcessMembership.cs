namespace Cluster.Runtime.Membership;

/// <summary>
/// Membership for silos that share one process (the embedded default and tests): silos announce themselves and
/// their heartbeats here, and every silo reads the same ordered, versioned view.
/// </summary>
public sealed class InProcessMembership : IMembershipView
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, SiloInfo> _silos = new(StringComparer.Ordinal);
    private IReadOnlyList<SiloInfo> _view = [];
    private long _version;

    public long Version => Volatile.Read(ref _version);

    public IReadOnlyList<SiloInfo> Silos => Volatile.Read(ref _view);

    /// <summary>Adds or updates a silo's entry; a status change bumps the view's version.</summary>
    public void Announce(SiloInfo silo)
    {
        lock (_lock)
        {
            var changed = !_silos.TryGetValue(silo.SiloId, out var previous) || previous.Status != silo.Status;
            _silos[silo.SiloId] = silo;
            _view = [.. _silos.Values];
            if (changed)
                _version++;
        }
    }
}

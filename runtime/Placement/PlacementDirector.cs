using Cluster.Runtime.Catalog;
using Cluster.Runtime.Membership;

namespace Cluster.Runtime.Placement;

/// <summary>
/// Decides which silo is a grain's home from the current membership view: a hash ring over the active silos that
/// have the grain type's required role. Rings are rebuilt once per view version and per role.
/// </summary>
internal sealed class PlacementDirector
{
    private const int VirtualNodes = 64;
    private readonly string? _localSilo;
    private readonly Lock _lock = new();
    private volatile View _view = new(MembershipSnapshot.Empty);
    private int _roundRobin;

    /// <param name="localSilo">This silo's id, or null for a client that hosts no grains.</param>
    public PlacementDirector(string? localSilo) => _localSilo = localSilo;

    public long Version => _view.Snapshot.Version;

    public void Update(MembershipSnapshot snapshot)
    {
        lock (_lock)
        {
            if (snapshot.Version >= _view.Snapshot.Version)
                _view = new View(snapshot);
        }
    }

    /// <summary>Stops placing grains on this silo at once (it is shutting down), ahead of the membership view.</summary>
    public void WithdrawLocal()
    {
        lock (_lock)
        {
            var view = _view.Snapshot;
            var silos = view.Silos.Select(s => s.SiloId == _localSilo ? s with { Status = SiloStatus.ShuttingDown } : s).ToList();
            _view = new View(view with { Silos = silos });
        }
    }

    /// <summary>The silo that hosts the grain; for stateless workers this silo when it may, else any compatible one.</summary>
    public SiloInfo Place(GrainId grain, GrainClassInfo info)
    {
        var view = _view;
        if (info.IsSiloTarget)
        {
            return view.TryGetSilo(grain.Key, out var target) && target!.Status is SiloStatus.Active or SiloStatus.ShuttingDown
                ? target
                : throw new NoCompatibleSiloException($"Silo '{grain.Key}' is not an active member of the cluster.");
        }
        var candidates = view.ActiveWithRole(info.RequiredRole);
        if (candidates.Count == 0)
        {
            throw new NoCompatibleSiloException(info.RequiredRole is null
                ? $"No active silo can host {grain}: the cluster has no active silos."
                : $"No active silo has the role '{info.RequiredRole}' that {info.GrainType} requires.");
        }
        if (info.IsStatelessWorker)
        {
            if (_localSilo is not null)
            {
                foreach (var s in candidates)
                    if (s.SiloId == _localSilo)
                        return s;
            }
            return candidates[(int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)candidates.Count)];
        }
        return view.Silo(view.RingFor(info.RequiredRole).OwnerOf(grain));
    }

    public bool IsLocal(SiloInfo silo) => silo.SiloId == _localSilo;

    /// <summary>Membership as placement sees it, with rings built lazily per role.</summary>
    private sealed class View(MembershipSnapshot snapshot)
    {
        private readonly Dictionary<string, ConsistentHashRing> _rings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<SiloInfo>> _byRole = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SiloInfo> _silos = snapshot.Silos.ToDictionary(s => s.SiloId, StringComparer.Ordinal);

        public MembershipSnapshot Snapshot { get; } = snapshot;

        public SiloInfo Silo(string id) => _silos[id];

        public bool TryGetSilo(string id, out SiloInfo? silo) => _silos.TryGetValue(id, out silo);

        public List<SiloInfo> ActiveWithRole(string? role)
        {
            lock (_byRole)
            {
                if (!_byRole.TryGetValue(role ?? "", out var list))
                {
                    list = [];
                    foreach (var s in Snapshot.Silos)
                        if (s.Status == SiloStatus.Active && (role is null || s.Roles.Contains(role)))
                            list.Add(s);
                    _byRole[role ?? ""] = list;
                }
                return list;
            }
        }

        public ConsistentHashRing RingFor(string? role)
        {
            var active = ActiveWithRole(role);
            lock (_rings)
            {
                if (!_rings.TryGetValue(role ?? "", out var ring))
                {
                    ring = new ConsistentHashRing(active.Select(s => s.SiloId).ToList(), VirtualNodes);
                    _rings[role ?? ""] = ring;
                }
                return ring;
            }
        }
    }
}

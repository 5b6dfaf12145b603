using System.Collections.Concurrent;
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
    private volatile View _view = new(MembershipSnapshot.Empty, null);
    private int _roundRobin;

    /// <param name="localSilo">This silo's id, or null for a client that hosts no grains.</param>
    public PlacementDirector(string? localSilo) => _localSilo = localSilo;

    public long Version => _view.Snapshot.Version;

    public void Update(MembershipSnapshot snapshot)
    {
        lock (_lock)
        {
            if (snapshot.Version >= _view.Snapshot.Version)
                _view = new View(snapshot, _localSilo);
        }
    }

    /// <summary>Stops placing grains on this silo at once (it is shutting down), ahead of the membership view.</summary>
    public void WithdrawLocal()
    {
        lock (_lock)
        {
            var view = _view.Snapshot;
            var silos = view.Silos.Select(s => s.SiloId == _localSilo ? s with { Status = SiloStatus.ShuttingDown } : s).ToList();
            _view = new View(view with { Silos = silos }, _localSilo);
        }
    }

    /// <summary>The silo that hosts the grain; for stateless workers this silo when it may, else any compatible one.</summary>
    public SiloInfo Place(GrainId grain, GrainClassInfo info)
    {
        var view = _view;
        if (info.IsSiloTarget)
        {
            return view.Snapshot.Find(grain.Key) is { Status: SiloStatus.Active or SiloStatus.ShuttingDown } target
                ? target
                : throw new NoCompatibleSiloException($"Silo '{grain.Key}' is not an active member of the cluster.");
        }
        var candidates = view.For(info.RequiredRole);
        if (candidates.Active.Count == 0)
        {
            throw new NoCompatibleSiloException(info.RequiredRole is null
                ? $"No active silo can host {grain}: the cluster has no active silos."
                : $"No active silo has the role '{info.RequiredRole}' that {info.GrainType} requires.");
        }
        if (info.IsStatelessWorker)
        {
            if (candidates.Local is { } local)
                return local;
            return candidates.Active[(int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)candidates.Active.Count)];
        }
        return candidates.Ring.OwnerOf(grain);
    }

    public bool IsLocal(SiloInfo silo) => silo.SiloId == _localSilo;

    /// <summary>Membership as placement sees it, with each role's silos and ring built once, on first use.</summary>
    private sealed class View
    {
        private readonly ConcurrentDictionary<string, Candidates> _byRole = new(StringComparer.Ordinal);
        private readonly Func<string, Candidates> _build;

        public View(MembershipSnapshot snapshot, string? localSilo)
        {
            Snapshot = snapshot;
            _build = role => new Candidates(snapshot, role.Length == 0 ? null : role, localSilo);
        }

        public MembershipSnapshot Snapshot { get; }

        public Candidates For(string? role) => _byRole.GetOrAdd(role ?? "", _build);
    }

    /// <summary>The active silos that have a role (any silo when null), this silo among them if it is, and their ring.</summary>
    private sealed class Candidates
    {
        public Candidates(MembershipSnapshot snapshot, string? role, string? localSilo)
        {
            foreach (var s in snapshot.Silos)
            {
                if (s.Status != SiloStatus.Active || (role is not null && !s.Roles.Contains(role)))
                    continue;
                Active.Add(s);
                if (s.SiloId == localSilo)
                    Local = s;
            }
            Ring = new ConsistentHashRing(Active, VirtualNodes);
        }

        public List<SiloInfo> Active { get; } = [];

        public SiloInfo? Local { get; }

        public ConsistentHashRing Ring { get; }
    }
}

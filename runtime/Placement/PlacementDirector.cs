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
    private volatile View? _previous;
    private int _roundRobin;

    /// <param name="localSilo">This silo's id, or null for a client that hosts no grains.</param>
    public PlacementDirector(string? localSilo) => _localSilo = localSilo;

    public long Version => _view.Snapshot.Version;

    /// <summary>The membership view placement follows.</summary>
    public MembershipSnapshot Snapshot => _view.Snapshot;

    public void Update(MembershipSnapshot snapshot)
    {
        lock (_lock)
        {
            // A silo's first view has no predecessor here: the cluster as it was before this silo joined stands in.
            if (snapshot.Version > _view.Snapshot.Version)
                _previous = _view.Snapshot.Version == 0 ? new View(WithoutLocal(snapshot), _localSilo) : _view;
            if (snapshot.Version >= _view.Snapshot.Version)
                _view = new View(snapshot, _localSilo);
        }
    }

    private MembershipSnapshot WithoutLocal(MembershipSnapshot snapshot) =>
        snapshot with { Silos = snapshot.Silos.Where(s => s.SiloId != _localSilo).ToList() };

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

    /// <summary>
    /// The grain's home in the view before the current one, when that was another silo, the current view is younger
    /// than <paramref name="window"/> and that silo is still alive in it (a dead silo holds nothing to hand over).
    /// </summary>
    public SiloInfo? PreviousHome(GrainId grain, GrainClassInfo info, TimeSpan window)
    {
        var (view, previous) = (_view, _previous);
        if (previous is null || info.IsStatelessWorker || info.IsSiloTarget || Environment.TickCount64 - view.Since > (long)window.TotalMilliseconds)
            return null;
        var candidates = previous.For(info.RequiredRole);
        if (candidates.Active.Count == 0)
            return null;
        var home = candidates.Ring.OwnerOf(grain);
        if (home.SiloId == _localSilo)
            return null;
        return view.Snapshot.Find(home.SiloId) is { Status: SiloStatus.Active or SiloStatus.ShuttingDown } alive ? alive : null;
    }

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

        /// <summary>When this silo started following the view (Environment.TickCount64).</summary>
        public long Since { get; } = Environment.TickCount64;

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

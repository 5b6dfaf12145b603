namespace Cluster.Runtime.Membership;

/// <summary>
/// Membership for silos that share one process (the embedded default and tests): silos join, heartbeat their
/// activation counts and leave here, and every participant reads the same ordered, versioned view.
/// Create one per participant with <see cref="Participant"/> over a shared table.
/// </summary>
public sealed class InProcessMembership : IClusterMembership
{
    private readonly Table _table;
    private string? _self;
    private Func<int>? _activationCount;
    private Timer? _heartbeat;
    private int _verdictRaised;

    public InProcessMembership()
        : this(new Table())
    {
    }

    private InProcessMembership(Table table)
    {
        _table = table;
        _table.Changed += OnTableChanged;
    }

    /// <summary>Another participant on the same table (for another silo or a client in this process).</summary>
    public InProcessMembership Participant() => new(_table);

    public MembershipSnapshot Current => _table.Snapshot;

    public long Version => Current.Version;

    public IReadOnlyList<SiloInfo> Silos => Current.Silos;

    public event Action<MembershipSnapshot>? ViewChanged;

    public event Action? DeclaredDead;

    public Task ObserveAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task JoinAsync(SiloInfo self, Func<int> activationCount, CancellationToken cancellationToken)
    {
        _self = self.SiloId;
        _activationCount = activationCount;
        _table.Set(self with { Status = SiloStatus.Active, LastHeartbeat = DateTimeOffset.UtcNow, ActivationCount = activationCount() });
        _heartbeat = new Timer(static s => ((InProcessMembership)s!).Heartbeat(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    private void Heartbeat()
    {
        if (_self is null || _table.Find(_self) is not { } me)
            return;
        if (me.Status == SiloStatus.Dead)
        {
            RaiseDeclaredDead();
            return;
        }
        _table.Set(me with { LastHeartbeat = DateTimeOffset.UtcNow, ActivationCount = _activationCount?.Invoke() ?? 0 });
    }

    public Task ShuttingDownAsync(CancellationToken cancellationToken) => SetStatus(SiloStatus.ShuttingDown);

    public Task LeaveAsync(CancellationToken cancellationToken)
    {
        // Leaving is not a verdict: the Dead entry it writes must not tell this silo it was declared dead.
        Interlocked.Exchange(ref _verdictRaised, 1);
        _heartbeat?.Dispose();
        return SetStatus(SiloStatus.Dead);
    }

    /// <summary>Tells the silo once that the cluster declared it dead, and stops its heartbeats.</summary>
    private void RaiseDeclaredDead()
    {
        if (Interlocked.Exchange(ref _verdictRaised, 1) == 1)
            return;
        _heartbeat?.Dispose();
        DeclaredDead?.Invoke();
    }

    /// <summary>Declares a silo dead, as failure detection would: it learns so from the view that carries the verdict.</summary>
    public void DeclareDead(string siloId)
    {
        if (_table.Find(siloId) is { } silo)
            _table.Set(silo with { Status = SiloStatus.Dead });
    }

    private Task SetStatus(SiloStatus status)
    {
        if (_self is not null && _table.Find(_self) is { } me)
            _table.Set(me with { Status = status, LastHeartbeat = DateTimeOffset.UtcNow, ActivationCount = _activationCount?.Invoke() ?? 0 });
        return Task.CompletedTask;
    }

    private void OnTableChanged(MembershipSnapshot snapshot)
    {
        if (ViewChanged is { } handler)
            ThreadPool.QueueUserWorkItem(static s => s.handler(s.snapshot), (handler, snapshot), preferLocal: false);
        // The verdict reaches the silo with the view that carries it, not only at its next heartbeat.
        if (_self is not null && snapshot.Find(_self) is { Status: SiloStatus.Dead })
            ThreadPool.QueueUserWorkItem(static m => m.RaiseDeclaredDead(), this, preferLocal: false);
    }

    public ValueTask DisposeAsync()
    {
        _heartbeat?.Dispose();
        _table.Changed -= OnTableChanged;
        return ValueTask.CompletedTask;
    }

    /// <summary>The shared list of silos; a status change bumps the version and notifies every participant.</summary>
    private sealed class Table
    {
        private readonly Lock _lock = new();
        private readonly SortedDictionary<string, SiloInfo> _silos = new(StringComparer.Ordinal);

        public MembershipSnapshot Snapshot { get; private set; } = MembershipSnapshot.Empty;

        public event Action<MembershipSnapshot>? Changed;

        public SiloInfo? Find(string id)
        {
            lock (_lock)
                return _silos.GetValueOrDefault(id);
        }

        public void Set(SiloInfo silo)
        {
            MembershipSnapshot snapshot;
            bool statusChanged;
            lock (_lock)
            {
                statusChanged = !_silos.TryGetValue(silo.SiloId, out var previous) || previous.Status != silo.Status;
                _silos[silo.SiloId] = silo;
                snapshot = new MembershipSnapshot(Snapshot.Version + (statusChanged ? 1 : 0), [.. _silos.Values]);
                Snapshot = snapshot;
            }
            if (statusChanged)
                Changed?.Invoke(snapshot);
        }
    }
}

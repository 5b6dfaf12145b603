using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Cluster.Runtime.Membership;

/// <summary>
/// Cluster membership kept in Redis (layout: <see cref="RedisMembershipKeys"/>), shared by silos (join, heartbeats,
/// leave) and clients such as gateways (observe only).
/// <list type="bullet">
/// <item>The view lists every silo ordered by id, Dead ones included until <see cref="RedisMembershipOptions.DeadSiloRetention"/>
/// has passed since their last heartbeat, so that gateways and the dashboard can tell "died" from "never existed";
/// placement must use Active silos only. Its version increments on every status change (join, shutting down, dead,
/// removal of a dead silo) and never on a plain heartbeat; activation counts may be older than the version.</item>
/// <item>Every transition is a Lua script (atomic, Redis server clock) that publishes the new version; participants
/// re-read the view on a notification and every <see cref="RedisMembershipOptions.RefreshInterval"/>, since
/// notifications can be lost.</item>
/// <item>Every participant, observers included, sweeps each heartbeat interval: a Joining, Active or ShuttingDown silo
/// silent for longer than its dead-after is declared dead, but only by a participant that has itself reached Redis for
/// longer than that, so that after a Redis outage nobody is declared dead before it had a chance to report.</item>
/// <item>No resurrection: a silo's heartbeat is refused when its entry is Dead, owned by a newer incarnation (the same
/// silo id joined again) or removed after its death (its incarnation is buried). The silo then raises
/// <see cref="DeclaredDead"/> once, stops heartbeating and must stop serving; it also does so as soon as its view shows
/// it Dead. Only when the store has no record of it at all (Redis restarted without persistence or was flushed) does a
/// silo re-add itself, together with the rest of its last view, and the version is lifted above every version seen.</item>
/// <item>While Redis is unreachable every participant keeps serving with its last view; it logs a warning once per
/// outage and an information when Redis is back, and then re-reads the view.</item>
/// </list>
/// <see cref="DisposeAsync"/> stops heartbeats without leaving (the cluster declares the silo dead after its missed
/// heartbeats); call <see cref="LeaveAsync"/> first for a clean exit.
/// </summary>
public sealed class RedisMembership : IClusterMembership
{
    private static readonly TimeSpan BuriedRetention = TimeSpan.FromDays(7);

    private readonly RedisMembershipOptions _options;
    private readonly ConfigurationOptions _configuration;
    private readonly ILogger _logger;
    private readonly RedisKey[] _keys;
    private readonly RedisChannel _channel;
    private readonly string _channelName;
    private readonly string _endpoints;
    private readonly TimeSpan _operationTimeout;
    private readonly Lock _lock = new();
    // The semaphores are never disposed: notifications, connection events and a caller's refresh may still arrive while the membership closes.
    private readonly SemaphoreSlim _refreshRequested = new(0, int.MaxValue);
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Channel<MembershipSnapshot> _changes = Channel.CreateUnbounded<MembershipSnapshot>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task? _start;
    private ConnectionMultiplexer? _connection;
    private Task[] _loops = [];
    private MembershipSnapshot _snapshot = MembershipSnapshot.Empty;
    private RedisSiloEntry[] _entries = [];
    private RedisSiloEntry? _self;
    private Func<int> _activationCount = static () => 0;
    private int _lastActivationCount;
    private bool _joined;
    private bool _left;
    private bool _declaredDead;
    private int _unreachable;
    private long _unreachableSince;
    private long _reachableSince;
    private int _disposed;

    public RedisMembership(RedisMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = options.Logger;
        try
        {
            _configuration = ConfigurationOptions.Parse(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new RedisMembershipOptionsException(nameof(options.ConnectionString), $"is not a valid Redis configuration string: {e.Message}");
        }
        if (_configuration.EndPoints.Count == 0)
            throw new RedisMembershipOptionsException(nameof(options.ConnectionString), "names no Redis server");
        // Keep reconnecting after an outage, at the heartbeat's pace, so that a returning Redis is noticed quickly.
        _configuration.AbortOnConnectFail = false;
        _configuration.ReconnectRetryPolicy = new LinearRetry((int)options.HeartbeatInterval.TotalMilliseconds);
        _endpoints = string.Join(",", _configuration.EndPoints.Select(static e => e is DnsEndPoint dns ? $"{dns.Host}:{dns.Port}" : e.ToString()));
        var keys = new RedisMembershipKeys(options.ClusterId);
        _keys = keys.ScriptKeys();
        _channelName = keys.Channel;
        _channel = new RedisChannel(keys.Channel, RedisChannel.PatternMode.Literal);
        _operationTimeout = options.DeadAfter;
    }

    public MembershipSnapshot Current => Volatile.Read(ref _snapshot);

    public long Version => Current.Version;

    public IReadOnlyList<SiloInfo> Silos => Current.Silos;

    public event Action<MembershipSnapshot>? ViewChanged;

    public event Action? DeclaredDead;

    public Task ObserveAsync(CancellationToken cancellationToken) => StartAsync(cancellationToken);

    public async Task JoinAsync(SiloInfo self, Func<int> activationCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(activationCount);
        if (string.IsNullOrEmpty(self.SiloId))
            throw new ArgumentException("SiloInfo.SiloId must not be empty.", nameof(self));
        var entry = new RedisSiloEntry(self with { Status = SiloStatus.Active, ActivationCount = activationCount() },
            Guid.NewGuid().ToString("N"), (long)_options.DeadAfter.TotalMilliseconds, RedisSiloEntry.Describe(self));
        lock (_lock)
        {
            if (_self is not null)
                throw new InvalidOperationException($"This membership already joined as silo '{_self.Silo.SiloId}'; use one RedisMembership per silo.");
            _self = entry;
            _activationCount = activationCount;
            _lastActivationCount = entry.Silo.ActivationCount;
        }
        var joined = false;
        try
        {
            await StartAsync(cancellationToken);
            var replaced = await RunAsync(RedisMembershipScripts.Join,
                [_channelName, entry.Silo.SiloId, entry.Incarnation, entry.DeadAfterMs, entry.Silo.ActivationCount, entry.Info], cancellationToken);
            if ((int)replaced == 1)
                _logger.LogWarning("Silo {SiloId} joined cluster {ClusterId} while an earlier process with the same id was still registered; that process is now told it is dead", entry.Silo.SiloId, _options.ClusterId);
            joined = true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new RedisMembershipUnavailableException(_endpoints, e);
        }
        finally
        {
            lock (_lock)
            {
                _joined = joined;
                if (!joined)
                    _self = null;
            }
        }
        _logger.LogInformation("Silo {SiloId} joined cluster {ClusterId} at {Endpoint}", entry.Silo.SiloId, _options.ClusterId, entry.Silo.Endpoint);
        await RefreshAsync(cancellationToken);
    }

    public async Task ShuttingDownAsync(CancellationToken cancellationToken)
    {
        RedisSiloEntry self;
        lock (_lock)
        {
            self = RequireJoined();
            if (self.Silo.Status is SiloStatus.Active or SiloStatus.Joining)
                _self = self = self with { Silo = self.Silo with { Status = SiloStatus.ShuttingDown } };
        }
        // When Redis is unreachable the next successful heartbeat carries the new status.
        var result = await TryRunAsync(RedisMembershipScripts.Report, ReportArguments(self), cancellationToken);
        if (result is not null)
            await OnReportedAsync((string?)result, cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        RedisSiloEntry self;
        lock (_lock)
        {
            self = RequireJoined();
            if (_left || _declaredDead)
                return;
            _left = true;
            _self = self = self with { Silo = self.Silo with { Status = SiloStatus.Dead } };
        }
        if (await TryRunAsync(RedisMembershipScripts.Report, ReportArguments(self), cancellationToken) is null)
        {
            _logger.LogWarning("Silo {SiloId} could not leave cluster {ClusterId} cleanly because Redis is unreachable; it will be declared dead after {DeadAfter} without heartbeats", self.Silo.SiloId, _options.ClusterId, _options.DeadAfter);
            return;
        }
        _logger.LogInformation("Silo {SiloId} left cluster {ClusterId}", self.Silo.SiloId, _options.ClusterId);
        await RefreshAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stopping.CancelAsync();
        Task? start;
        lock (_lock)
            start = _start;
        // A start that failed already told its caller; here it only has to be over.
        if (start is not null)
            await start.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_loops);
        _changes.Writer.TryComplete();
        if (_connection is { } connection)
        {
            connection.ConnectionFailed -= OnConnectionFailed;
            connection.ConnectionRestored -= OnConnectionRestored;
            await connection.CloseAsync(allowCommandsToComplete: false);
            connection.Dispose();
        }
        _stopping.Dispose();
    }

    private RedisSiloEntry RequireJoined() =>
        _joined && _self is { } self ? self : throw new InvalidOperationException("This silo has not joined the cluster: call JoinAsync first.");

    private Task StartAsync(CancellationToken cancellationToken)
    {
        Task start;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
            // A start that failed (Redis unreachable) is tried again by the next call.
            if (_start is null || _start.IsFaulted)
                _start = ConnectAsync();
            start = _start;
        }
        return start.WaitAsync(cancellationToken);
    }

    private async Task ConnectAsync()
    {
        ConnectionMultiplexer? connection = null;
        try
        {
            connection = await ConnectionMultiplexer.ConnectAsync(_configuration);
            connection.ConnectionFailed += OnConnectionFailed;
            connection.ConnectionRestored += OnConnectionRestored;
            // Subscribe before the first read so that no change between the two goes unnoticed.
            await connection.GetSubscriber().SubscribeAsync(_channel, OnNotified).WaitAsync(TimeSpan.FromMilliseconds(_configuration.ConnectTimeout));
            var view = await connection.GetDatabase().ScriptEvaluateAsync(RedisMembershipScripts.Read, _keys)
                .WaitAsync(TimeSpan.FromMilliseconds(_configuration.ConnectTimeout));
            Apply(RedisSiloEntry.ParseView(view));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            connection?.Dispose();
            throw new RedisMembershipUnavailableException(_endpoints, e);
        }
        _connection = connection;
        MarkReachable();
        _loops = [Task.Run(HeartbeatLoopAsync), Task.Run(RefreshLoopAsync), Task.Run(NotifyLoopAsync)];
    }

    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await Task.WhenAll(HeartbeatAsync(_stopping.Token), SweepAsync(_stopping.Token));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogError(e, "Membership heartbeat of cluster {ClusterId} failed", _options.ClusterId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RefreshLoopAsync()
    {
        try
        {
            while (true)
            {
                await _refreshRequested.WaitAsync(_options.RefreshInterval, _stopping.Token);
                while (_refreshRequested.Wait(0))
                {
                }
                try
                {
                    await RefreshAsync(_stopping.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogError(e, "Reading the membership view of cluster {ClusterId} failed", _options.ClusterId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // One reader raises ViewChanged, so handlers never run concurrently and see versions in the order they were applied.
    private async Task NotifyLoopAsync()
    {
        try
        {
            await foreach (var snapshot in _changes.Reader.ReadAllAsync(_stopping.Token))
            {
                try
                {
                    ViewChanged?.Invoke(snapshot);
                }
                catch (Exception e)
                {
                    _logger.LogError(e, "A ViewChanged handler of cluster {ClusterId} failed at version {Version}", _options.ClusterId, snapshot.Version);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        RedisSiloEntry? self;
        Func<int> activationCount;
        lock (_lock)
        {
            self = _joined && !_left && !_declaredDead ? _self : null;
            activationCount = _activationCount;
        }
        if (self is null)
            return;
        try
        {
            Volatile.Write(ref _lastActivationCount, activationCount());
        }
        catch (Exception e)
        {
            // A failing count must not stop the heartbeat, or the cluster would declare a healthy silo dead.
            _logger.LogError(e, "Counting the activations of silo {SiloId} failed; its heartbeat carries the previous count", self.Silo.SiloId);
        }
        var result = await TryRunAsync(RedisMembershipScripts.Report, ReportArguments(self), cancellationToken);
        if (result is not null)
            await OnReportedAsync((string?)result, cancellationToken);
    }

    private RedisValue[] ReportArguments(RedisSiloEntry self) =>
        [_channelName, self.Silo.SiloId, self.Incarnation, RedisSiloEntry.StatusName(self.Silo.Status), Volatile.Read(ref _lastActivationCount)];

    private async Task OnReportedAsync(string? outcome, CancellationToken cancellationToken)
    {
        if (outcome == "dead")
            OnDeclaredDead();
        else if (outcome == "lost")
            await RestoreAsync(cancellationToken);
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var since = Interlocked.Read(ref _reachableSince);
        var reachableMs = since == 0 ? 0 : (long)Stopwatch.GetElapsedTime(since).TotalMilliseconds;
        var declared = await TryRunAsync(RedisMembershipScripts.Sweep,
            [_channelName, reachableMs, (long)_options.DeadSiloRetention.TotalMilliseconds, (long)BuriedRetention.TotalMilliseconds], cancellationToken);
        if (declared is null)
            return;
        var ids = (string[])declared;
        foreach (var id in ids)
            _logger.LogWarning("Declared silo {SiloId} of cluster {ClusterId} dead: no heartbeat within its dead-after window", id, _options.ClusterId);
        if (ids.Length > 0)
            RequestRefresh();
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        bool storeLostData;
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var result = await TryRunAsync(RedisMembershipScripts.Read, [], cancellationToken);
            if (result is null)
                return;
            var view = RedisSiloEntry.ParseView(result);
            // Reads are serialized and the stored version only grows, so a lower one means the store lost data.
            storeLostData = view.Version < Current.Version;
            if (!storeLostData)
                Apply(view);
        }
        finally
        {
            _refreshGate.Release();
        }
        if (storeLostData)
            await RestoreAsync(cancellationToken);
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var arguments = new List<RedisValue>();
        long version;
        lock (_lock)
        {
            version = _snapshot.Version;
            var self = _joined && !_left && !_declaredDead ? _self : null;
            arguments.Add(_channelName);
            arguments.Add(version);
            foreach (var entry in _entries)
                if (entry.Silo.SiloId != self?.Silo.SiloId)
                    entry.AppendTo(arguments);
            if (self is not null)
                (self with { Silo = self.Silo with { ActivationCount = _lastActivationCount } }).AppendTo(arguments);
        }
        var merged = await TryRunAsync(RedisMembershipScripts.Restore, [.. arguments], cancellationToken);
        if (merged is null)
            return;
        if ((int)merged > 0)
            _logger.LogWarning("The membership store of cluster {ClusterId} had lost silos (Redis restarted without persistence or was flushed); restored {Count} from this participant's view at version {Version}", _options.ClusterId, (int)merged, version);
        RequestRefresh();
    }

    private void Apply((long Version, RedisSiloEntry[] Entries) view)
    {
        var silos = new SiloInfo[view.Entries.Length];
        for (var i = 0; i < silos.Length; i++)
            silos[i] = view.Entries[i].Silo;
        var declaredDead = false;
        lock (_lock)
        {
            if (view.Version < _snapshot.Version)
                return;
            _entries = view.Entries;
            var changed = view.Version > _snapshot.Version;
            Volatile.Write(ref _snapshot, new MembershipSnapshot(view.Version, silos));
            if (changed)
                _changes.Writer.TryWrite(_snapshot);
            if (_joined && _self is { } self)
                foreach (var entry in view.Entries)
                    if (entry.Silo.SiloId == self.Silo.SiloId)
                        declaredDead = entry.Incarnation != self.Incarnation || entry.Silo.Status == SiloStatus.Dead;
        }
        if (declaredDead)
            OnDeclaredDead();
    }

    private void OnDeclaredDead()
    {
        string siloId;
        lock (_lock)
        {
            if (_left || _declaredDead || _self is null)
                return;
            _declaredDead = true;
            siloId = _self.Silo.SiloId;
        }
        _logger.LogError("Silo {SiloId} was declared dead by cluster {ClusterId}; it must stop serving", siloId, _options.ClusterId);
        ThreadPool.UnsafeQueueUserWorkItem(static m => m.RaiseDeclaredDead(), this, preferLocal: false);
    }

    private void RaiseDeclaredDead()
    {
        try
        {
            DeclaredDead?.Invoke();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A DeclaredDead handler of cluster {ClusterId} failed", _options.ClusterId);
        }
    }

    private async Task<RedisResult> RunAsync(string script, RedisValue[] arguments, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("The membership is not started.");
        var result = await connection.GetDatabase().ScriptEvaluateAsync(script, _keys, arguments).WaitAsync(_operationTimeout, cancellationToken);
        MarkReachable();
        return result;
    }

    /// <summary>Runs a script; null when Redis is unreachable (noted for the outage log).</summary>
    private async Task<RedisResult?> TryRunAsync(string script, RedisValue[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(script, arguments, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            MarkUnreachable(e.Message);
            return null;
        }
    }

    private void RequestRefresh() => _refreshRequested.Release();

    private void OnNotified(RedisChannel channel, RedisValue message)
    {
        if (message.TryParse(out long version) && version > Current.Version)
            RequestRefresh();
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) => MarkUnreachable($"{e.FailureType} on {e.EndPoint}");

    // Notifications published while the connection was down are lost: read the view again.
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => RequestRefresh();

    private void MarkReachable()
    {
        if (Interlocked.Exchange(ref _unreachable, 0) == 1)
        {
            _logger.LogInformation("The membership store of cluster {ClusterId} at {Endpoints} is reachable again after {Seconds:F1} s",
                _options.ClusterId, _endpoints, Stopwatch.GetElapsedTime(Interlocked.Read(ref _unreachableSince)).TotalSeconds);
            RequestRefresh();
        }
        Interlocked.CompareExchange(ref _reachableSince, Stopwatch.GetTimestamp(), 0);
    }

    private void MarkUnreachable(string reason)
    {
        Interlocked.Exchange(ref _reachableSince, 0);
        if (Interlocked.Exchange(ref _unreachable, 1) == 1)
            return;
        Interlocked.Exchange(ref _unreachableSince, Stopwatch.GetTimestamp());
        _logger.LogWarning("The membership store of cluster {ClusterId} at {Endpoints} is unreachable ({Reason}); serving with the last view (version {Version}) until it returns",
            _options.ClusterId, _endpoints, reason, Current.Version);
    }
}

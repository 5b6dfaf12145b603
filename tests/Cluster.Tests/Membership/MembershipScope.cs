using Cluster.Runtime.Membership;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Cluster.Tests.Membership;

/// <summary>
/// One test's cluster on the shared test Redis: a fresh cluster id (so tests never see each other), short intervals,
/// a recording logger whose entries go to the test's output at the end; every participant is disposed and the
/// cluster's keys removed afterwards.
/// </summary>
public sealed class MembershipScope(ITestOutputHelper? output = null) : IAsyncDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(250);
    public const int Missed = 6;
    public static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    private readonly List<RedisMembership> _participants = [];

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N");

    public RecordingLogger Log { get; } = new();

    public static TimeSpan DeadAfter => Heartbeat * Missed;

    public RedisMembership Create(string? endpoint = null, Action<RedisMembershipOptions>? configure = null)
    {
        var options = new RedisMembershipOptions
        {
            ConnectionString = endpoint ?? RedisServer.Endpoint,
            ClusterId = ClusterId,
            HeartbeatInterval = Heartbeat,
            MissedHeartbeatsBeforeDead = Missed,
            RefreshInterval = Refresh,
            Logger = Log,
        };
        configure?.Invoke(options);
        var membership = new RedisMembership(options);
        lock (_participants)
            _participants.Add(membership);
        return membership;
    }

    public async Task<RedisMembership> JoinAsync(string siloId, string? endpoint = null, Func<int>? activations = null, IReadOnlyList<string>? roles = null, Action<RedisMembershipOptions>? configure = null)
    {
        var membership = Create(endpoint, configure);
        await membership.JoinAsync(SiloInfoFor(siloId, roles), activations ?? (static () => 0), CancellationToken.None);
        return membership;
    }

    public async Task<RedisMembership> ObserveAsync(string? endpoint = null, Action<RedisMembershipOptions>? configure = null)
    {
        var membership = Create(endpoint, configure);
        await membership.ObserveAsync(CancellationToken.None);
        return membership;
    }

    public static SiloInfo SiloInfoFor(string siloId, IReadOnlyList<string>? roles = null) =>
        new(siloId, $"{siloId}.cluster.test:11111", roles ?? [], SiloStatus.Joining, DateTimeOffset.UtcNow, 0, default);

    public static SiloInfo? Find(IMembershipView view, string siloId) => view.Find(siloId);

    public static SiloStatus? StatusOf(IMembershipView view, string siloId) => view.Find(siloId)?.Status;

    /// <summary>Same version and the same silos with the same statuses, in the same order.</summary>
    public static bool SameView(MembershipSnapshot a, MembershipSnapshot b)
    {
        if (a.Version != b.Version || a.Silos.Count != b.Silos.Count)
            return false;
        for (var i = 0; i < a.Silos.Count; i++)
            if (a.Silos[i].SiloId != b.Silos[i].SiloId || a.Silos[i].Status != b.Silos[i].Status)
                return false;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        RedisMembership[] participants;
        lock (_participants)
            participants = [.. _participants];
        foreach (var participant in participants)
            await participant.DisposeAsync();
        if (participants.Length > 0)
            await (await RedisServer.DatabaseAsync()).KeyDeleteAsync([.. new RedisMembershipKeys(ClusterId).All.Select(static k => (RedisKey)k)]);
        foreach (var (level, message) in Log.Entries)
            output?.WriteLine($"{level}: {message}");
    }
}

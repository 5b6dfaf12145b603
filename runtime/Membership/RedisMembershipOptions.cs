using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cluster.Runtime.Membership;

/// <summary>Settings of <see cref="RedisMembership"/>; bound from configuration section "Membership" by hosts.</summary>
public sealed class RedisMembershipOptions
{
    /// <summary>A StackExchange.Redis configuration string, for example "redis:6379" or "127.0.0.1:6390,connectTimeout=2000".</summary>
    public string ConnectionString { get; set; } = "localhost:6379";

    /// <summary>Keeps clusters that share one Redis apart: every key and the notification channel carry it.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>How often a silo reports that it is alive (and its activation count), and how often every participant looks for silent silos.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A silo silent for this many heartbeat intervals is declared dead. With the defaults a silo is declared dead
    /// 3 s after its last heartbeat and everyone sees it within one more interval (under 5 s in all).
    /// </summary>
    public int MissedHeartbeatsBeforeDead { get; set; } = 3;

    /// <summary>How often the whole view is re-read, in case a change notification was lost; also how stale activation counts may be.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a dead silo stays in the view (counted from its last heartbeat) before it is removed.</summary>
    public TimeSpan DeadSiloRetention { get; set; } = TimeSpan.FromMinutes(10);

    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>How long a silo may stay silent before it is declared dead.</summary>
    public TimeSpan DeadAfter => HeartbeatInterval * MissedHeartbeatsBeforeDead;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new RedisMembershipOptionsException(nameof(ConnectionString), "must name the Redis server, for example \"redis:6379\"");
        if (string.IsNullOrWhiteSpace(ClusterId) || ClusterId.AsSpan().IndexOfAny('{', '}') >= 0)
            throw new RedisMembershipOptionsException(nameof(ClusterId), "must be a non-empty name without '{' or '}'");
        if (HeartbeatInterval < TimeSpan.FromMilliseconds(10))
            throw new RedisMembershipOptionsException(nameof(HeartbeatInterval), "must be at least 10 ms");
        if (MissedHeartbeatsBeforeDead < 2)
            throw new RedisMembershipOptionsException(nameof(MissedHeartbeatsBeforeDead), "must be at least 2, so that one late heartbeat does not kill a silo");
        if (RefreshInterval < TimeSpan.FromMilliseconds(10))
            throw new RedisMembershipOptionsException(nameof(RefreshInterval), "must be at least 10 ms");
        if (DeadSiloRetention < TimeSpan.Zero)
            throw new RedisMembershipOptionsException(nameof(DeadSiloRetention), "must not be negative");
    }
}

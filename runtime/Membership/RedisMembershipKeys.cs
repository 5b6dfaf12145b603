using StackExchange.Redis;

namespace Cluster.Runtime.Membership;

/// <summary>
/// Where a cluster's membership lives in Redis. Every name starts with <c>cluster:{ClusterId}:</c>; the braces make
/// the cluster id a hash tag, so all of a cluster's keys share one slot and its scripts also run on Redis Cluster.
/// Hashes are keyed by silo id, which makes <c>HGETALL cluster:{dev}:status</c> a readable view for operators.
/// </summary>
public sealed class RedisMembershipKeys
{
    public RedisMembershipKeys(string clusterId)
    {
        var prefix = $"cluster:{{{clusterId}}}:";
        Version = prefix + "version";
        Status = prefix + "status";
        Incarnation = prefix + "incarnation";
        Heartbeat = prefix + "heartbeat";
        DeadAfter = prefix + "dead-after";
        Activations = prefix + "activations";
        Info = prefix + "info";
        Buried = prefix + "buried";
        Channel = prefix + "changes";
        All = [Version, Status, Incarnation, Heartbeat, DeadAfter, Activations, Info, Buried];
    }

    /// <summary>String: the view's version, incremented (and published) on every status change.</summary>
    public string Version { get; }

    /// <summary>Hash silo id → Joining, Active, ShuttingDown or Dead.</summary>
    public string Status { get; }

    /// <summary>Hash silo id → the token of the process that joined under that id; a newer join replaces it.</summary>
    public string Incarnation { get; }

    /// <summary>Hash silo id → time of the last heartbeat in milliseconds since the Unix epoch, by the Redis server's clock.</summary>
    public string Heartbeat { get; }

    /// <summary>Hash silo id → how many milliseconds that silo may stay silent before it is declared dead (its own setting).</summary>
    public string DeadAfter { get; }

    /// <summary>Hash silo id → activation count as of its last heartbeat.</summary>
    public string Activations { get; }

    /// <summary>Hash silo id → JSON with endpoint, roles and start time.</summary>
    public string Info { get; }

    /// <summary>Sorted set of incarnations declared dead whose entries were removed (score: removal time); they may not come back.</summary>
    public string Buried { get; }

    /// <summary>Pub/sub channel: each status change publishes the new version.</summary>
    public string Channel { get; }

    /// <summary>Every key, in the order the membership scripts expect them as KEYS[1..8].</summary>
    public IReadOnlyList<string> All { get; }

    internal RedisKey[] ScriptKeys()
    {
        var keys = new RedisKey[All.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = All[i];
        return keys;
    }
}

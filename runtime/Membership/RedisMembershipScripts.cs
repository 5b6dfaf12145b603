namespace Cluster.Runtime.Membership;

/// <summary>
/// The Lua scripts that change or read a cluster's membership in Redis. Each runs atomically on the server, takes
/// time from the server's clock (<c>TIME</c>) so that participants' clocks never matter, and publishes the new version
/// after a status change. KEYS are <see cref="RedisMembershipKeys.All"/> in order; ARGV[1] is the channel.
/// Requires Redis 5 or newer (scripts that write after reading TIME).
/// </summary>
internal static class RedisMembershipScripts
{
    private const string Prelude = """
        local rank = { Joining = 0, Active = 1, ShuttingDown = 2, Dead = 3 }
        local function now()
          local t = redis.call('TIME')
          return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        end
        local function stamp(ms) return string.format('%.0f', ms) end
        local function changed() redis.call('PUBLISH', ARGV[1], redis.call('INCR', KEYS[1])) end

        """;

    /// <summary>
    /// ARGV: channel, id, incarnation, deadAfterMs, activations, info. Writes the silo as Active under a new
    /// incarnation; a previous incarnation under the same id is buried. Returns 1 when that one was still alive.
    /// </summary>
    public const string Join = Prelude + """
        local id, incarnation = ARGV[2], ARGV[3]
        local clock = now()
        local previous = redis.call('HGET', KEYS[3], id)
        local replaced = 0
        if previous and previous ~= incarnation then
          if redis.call('HGET', KEYS[2], id) ~= 'Dead' then replaced = 1 end
          redis.call('ZADD', KEYS[8], clock, previous)
        end
        redis.call('HSET', KEYS[2], id, 'Active')
        redis.call('HSET', KEYS[3], id, incarnation)
        redis.call('HSET', KEYS[4], id, stamp(clock))
        redis.call('HSET', KEYS[5], id, ARGV[4])
        redis.call('HSET', KEYS[6], id, ARGV[5])
        redis.call('HSET', KEYS[7], id, ARGV[6])
        changed()
        return replaced
        """;

    /// <summary>
    /// ARGV: channel, id, incarnation, status, activations. A silo's heartbeat, which also moves its status forward
    /// (never back). Returns 'ok'; 'dead' when the entry is Dead, belongs to another incarnation or was buried;
    /// 'lost' when the store has no record of it at all (it lost data).
    /// </summary>
    public const string Report = Prelude + """
        local id, incarnation = ARGV[2], ARGV[3]
        local status = redis.call('HGET', KEYS[2], id)
        if not status then
          if redis.call('ZSCORE', KEYS[8], incarnation) then return 'dead' end
          return 'lost'
        end
        if status == 'Dead' or redis.call('HGET', KEYS[3], id) ~= incarnation then return 'dead' end
        redis.call('HSET', KEYS[4], id, stamp(now()))
        redis.call('HSET', KEYS[6], id, ARGV[5])
        if rank[ARGV[4]] > rank[status] then
          redis.call('HSET', KEYS[2], id, ARGV[4])
          changed()
        end
        return 'ok'
        """;

    /// <summary>
    /// ARGV: channel, reachableForMs, deadRetentionMs, buriedRetentionMs. Declares dead every live silo silent for
    /// longer than its own dead-after, but only when the caller has reached Redis for longer than that too (after an
    /// outage everyone gets a full window to report first). Removes dead entries older than the retention, burying
    /// their incarnations. Returns the ids declared dead.
    /// </summary>
    public const string Sweep = Prelude + """
        local clock = now()
        local reachable = tonumber(ARGV[2])
        local declared = {}
        local dirty = false
        local statuses = redis.call('HGETALL', KEYS[2])
        for i = 1, #statuses, 2 do
          local id, status = statuses[i], statuses[i + 1]
          local silent = clock - (tonumber(redis.call('HGET', KEYS[4], id)) or 0)
          if status == 'Dead' then
            if silent > tonumber(ARGV[3]) then
              local incarnation = redis.call('HGET', KEYS[3], id)
              if incarnation then redis.call('ZADD', KEYS[8], clock, incarnation) end
              for k = 2, 7 do redis.call('HDEL', KEYS[k], id) end
              dirty = true
            end
          else
            local limit = tonumber(redis.call('HGET', KEYS[5], id)) or 0
            if silent > limit and reachable > limit then
              redis.call('HSET', KEYS[2], id, 'Dead')
              declared[#declared + 1] = id
              dirty = true
            end
          end
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[8], '-inf', stamp(clock - tonumber(ARGV[4])))
        if dirty then changed() end
        return declared
        """;

    /// <summary>Returns the version and the hashes status, incarnation, heartbeat, dead-after, activations, info, read atomically.</summary>
    public const string Read = """
        return { redis.call('GET', KEYS[1]) or '0', redis.call('HGETALL', KEYS[2]), redis.call('HGETALL', KEYS[3]),
          redis.call('HGETALL', KEYS[4]), redis.call('HGETALL', KEYS[5]), redis.call('HGETALL', KEYS[6]),
          redis.call('HGETALL', KEYS[7]) }
        """;

    /// <summary>
    /// ARGV: channel, knownVersion, then per silo: id, incarnation, status, deadAfterMs, activations, info. Merges a
    /// participant's view into a store that lost data: adds the silos it lacks (unless buried, with a fresh heartbeat),
    /// moves statuses of the same incarnation forward, and lifts the version above the caller's so that no participant
    /// ever sees versions go back. Returns how many silos changed.
    /// </summary>
    public const string Restore = Prelude + """
        local clock = stamp(now())
        local merged = 0
        for i = 3, #ARGV, 6 do
          local id, incarnation, status = ARGV[i], ARGV[i + 1], ARGV[i + 2]
          local stored = redis.call('HGET', KEYS[2], id)
          if not stored then
            if not redis.call('ZSCORE', KEYS[8], incarnation) then
              redis.call('HSET', KEYS[2], id, status)
              redis.call('HSET', KEYS[3], id, incarnation)
              redis.call('HSET', KEYS[4], id, clock)
              redis.call('HSET', KEYS[5], id, ARGV[i + 3])
              redis.call('HSET', KEYS[6], id, ARGV[i + 4])
              redis.call('HSET', KEYS[7], id, ARGV[i + 5])
              merged = merged + 1
            end
          elseif redis.call('HGET', KEYS[3], id) == incarnation and rank[status] > rank[stored] then
            redis.call('HSET', KEYS[2], id, status)
            merged = merged + 1
          end
        end
        local behind = tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[2])
        if behind then redis.call('SET', KEYS[1], ARGV[2]) end
        if behind or merged > 0 then changed() end
        return merged
        """;
}

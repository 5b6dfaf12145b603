using System.Text.Json;
using StackExchange.Redis;

namespace Cluster.Runtime.Membership;

/// <summary>
/// A silo's entry as stored in Redis: what the view shows plus what only the membership needs (the incarnation that
/// owns the entry and how long that silo may stay silent), and its encoding in the membership hashes.
/// </summary>
internal sealed record RedisSiloEntry(SiloInfo Silo, string Incarnation, long DeadAfterMs, string Info)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Describe(SiloInfo silo) => JsonSerializer.Serialize(new Description(silo.Endpoint, silo.Roles, silo.StartTime), Json);

    public static string StatusName(SiloStatus status) => status switch
    {
        SiloStatus.Joining => "Joining",
        SiloStatus.Active => "Active",
        SiloStatus.ShuttingDown => "ShuttingDown",
        _ => "Dead",
    };

    /// <summary>Arguments of the restore script for this entry, in its order.</summary>
    public void AppendTo(List<RedisValue> arguments)
    {
        arguments.Add(Silo.SiloId);
        arguments.Add(Incarnation);
        arguments.Add(StatusName(Silo.Status));
        arguments.Add(DeadAfterMs);
        arguments.Add(Silo.ActivationCount);
        arguments.Add(Info);
    }

    /// <summary>Decodes the result of the read script: the version and the entries ordered by silo id.</summary>
    public static (long Version, RedisSiloEntry[] Entries) ParseView(RedisResult result)
    {
        var parts = (RedisResult[])result;
        var statuses = (RedisResult[])parts[1];
        var incarnations = Pairs(parts[2]);
        var heartbeats = Pairs(parts[3]);
        var deadAfter = Pairs(parts[4]);
        var activations = Pairs(parts[5]);
        var infos = Pairs(parts[6]);
        var entries = new RedisSiloEntry[statuses.Length / 2];
        for (var i = 0; i < entries.Length; i++)
        {
            var id = (string)statuses[2 * i]!;
            var info = (string?)infos.GetValueOrDefault(id) ?? "{}";
            var description = Parse(info);
            var silo = new SiloInfo(
                id,
                description.Endpoint ?? "",
                description.Roles ?? [],
                ParseStatus((string?)statuses[2 * i + 1]),
                description.StartTime,
                (int)activations.GetValueOrDefault(id),
                DateTimeOffset.FromUnixTimeMilliseconds((long)heartbeats.GetValueOrDefault(id)));
            entries[i] = new RedisSiloEntry(silo, (string?)incarnations.GetValueOrDefault(id) ?? "", (long)deadAfter.GetValueOrDefault(id), info);
        }
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Silo.SiloId, b.Silo.SiloId));
        return ((long)parts[0], entries);
    }

    private static SiloStatus ParseStatus(string? name) => name switch
    {
        "Joining" => SiloStatus.Joining,
        "Active" => SiloStatus.Active,
        "ShuttingDown" => SiloStatus.ShuttingDown,
        _ => SiloStatus.Dead,
    };

    private static Dictionary<string, RedisValue> Pairs(RedisResult hash)
    {
        var flat = (RedisResult[])hash;
        var pairs = new Dictionary<string, RedisValue>(flat.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < flat.Length; i += 2)
            pairs[(string)flat[i]!] = (RedisValue)flat[i + 1];
        return pairs;
    }

    // An entry edited by hand into invalid JSON shows up without endpoint and roles rather than hiding the whole view.
    private static Description Parse(string info)
    {
        try
        {
            return JsonSerializer.Deserialize<Description>(info, Json) ?? Description.Unknown;
        }
        catch (JsonException)
        {
            return Description.Unknown;
        }
    }

    private sealed record Description(string? Endpoint, IReadOnlyList<string>? Roles, DateTimeOffset StartTime)
    {
        public static readonly Description Unknown = new(null, null, default);
    }
}

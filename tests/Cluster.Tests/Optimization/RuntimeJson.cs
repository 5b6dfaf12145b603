using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cluster.Tests.Optimization;

/// <summary>The serializer settings the runtime copies call values and stores grain state with (see ClusterJson).</summary>
internal static class RuntimeJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Serialises, reads back and serialises again; the two texts must be equal for the value to cross a call intact.</summary>
    public static (string First, string Second) RoundTrip<T>(T value)
    {
        var first = JsonSerializer.Serialize(value, Options);
        var second = JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(first, Options), Options);
        return (first, second);
    }
}

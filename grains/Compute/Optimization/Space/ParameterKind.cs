using System.Text.Json.Serialization;

namespace Cluster.Grains.Compute.Optimization;

[JsonConverter(typeof(JsonStringEnumConverter<ParameterKind>))]
public enum ParameterKind
{
    [JsonStringEnumMemberName("float")] Float,
    [JsonStringEnumMemberName("int")] Int,
    [JsonStringEnumMemberName("categorical")] Categorical,
}

using System.Text.Json.Serialization;

namespace Cluster.GrainInterfaces.Compute.Optimization;

[JsonConverter(typeof(JsonStringEnumConverter<ParameterKind>))]
public enum ParameterKind
{
    [JsonStringEnumMemberName("float")] Float,
    [JsonStringEnumMemberName("int")] Int,
    [JsonStringEnumMemberName("categorical")] Categorical,
}

using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

[GenerateSerializer]
[Alias("Compute.Optimization.ParameterKind")]
[JsonConverter(typeof(JsonStringEnumConverter<ParameterKind>))]
public enum ParameterKind
{
    [JsonStringEnumMemberName("float")] Float,
    [JsonStringEnumMemberName("int")] Int,
    [JsonStringEnumMemberName("categorical")] Categorical,
}

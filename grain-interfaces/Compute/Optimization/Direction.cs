using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

[GenerateSerializer]
[Alias("Compute.Optimization.Direction")]
[JsonConverter(typeof(JsonStringEnumConverter<Direction>))]
public enum Direction
{
    [JsonStringEnumMemberName("minimize")] Minimize,
    [JsonStringEnumMemberName("maximize")] Maximize,
}

using System.Text.Json.Serialization;

namespace Cluster.GrainInterfaces.Compute.Optimization;

[JsonConverter(typeof(JsonStringEnumConverter<Direction>))]
public enum Direction
{
    [JsonStringEnumMemberName("minimize")] Minimize,
    [JsonStringEnumMemberName("maximize")] Maximize,
}

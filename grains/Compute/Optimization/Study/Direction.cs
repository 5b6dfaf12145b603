using System.Text.Json.Serialization;

namespace Cluster.Grains.Compute.Optimization;

[JsonConverter(typeof(JsonStringEnumConverter<Direction>))]
public enum Direction
{
    [JsonStringEnumMemberName("minimize")] Minimize,
    [JsonStringEnumMemberName("maximize")] Maximize,
}

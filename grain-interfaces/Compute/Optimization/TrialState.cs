using System.Text.Json.Serialization;

namespace Cluster.GrainInterfaces.Compute.Optimization;

[JsonConverter(typeof(JsonStringEnumConverter<TrialState>))]
public enum TrialState
{
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("complete")] Complete,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("pruned")] Pruned,
}

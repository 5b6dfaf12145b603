using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

[GenerateSerializer]
[Alias("Compute.Optimization.TrialState")]
[JsonConverter(typeof(JsonStringEnumConverter<TrialState>))]
public enum TrialState
{
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("complete")] Complete,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("pruned")] Pruned,
}

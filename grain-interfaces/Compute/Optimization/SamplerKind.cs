using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

[GenerateSerializer]
[Alias("Compute.Optimization.SamplerKind")]
[JsonConverter(typeof(JsonStringEnumConverter<SamplerKind>))]
public enum SamplerKind
{
    /// <summary>Gaussian-process Bayesian optimisation with expected improvement.</summary>
    [JsonStringEnumMemberName("gp")] GaussianProcess,

    /// <summary>Independent uniform draws (log-uniform for log parameters).</summary>
    [JsonStringEnumMemberName("random")] Random,

    /// <summary>Thompson sampling over the arms of an all-categorical space.</summary>
    [JsonStringEnumMemberName("thompson")] Thompson,
}

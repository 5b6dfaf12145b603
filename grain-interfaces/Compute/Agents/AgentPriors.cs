using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>What is believed about an agent before any feedback for a task type.</summary>
/// <param name="Success">Prior on the success probability.</param>
/// <param name="LatencyMs">Prior on the mean latency in milliseconds.</param>
/// <param name="Cost">Prior on the mean cost per run (caller-defined units).</param>
[GenerateSerializer]
[Alias("Compute.AgentPriors")]
[Immutable]
public sealed record AgentPriors(BetaPosterior Success, NormalGammaPosterior LatencyMs, NormalGammaPosterior Cost)
{
    /// <summary>
    /// Defaults: success uniform Beta(1, 1); latency mean 1,000 ms worth one observation with an expected spread of
    /// about 1,000 ms (NG(1000, 1, 2, 10⁶)); cost mean 0 worth one observation with an expected spread of about 0.1
    /// (NG(0, 1, 2, 0.01)).
    /// </summary>
    public static AgentPriors Default { get; } = new(
        BetaPosterior.Uniform,
        new NormalGammaPosterior(1_000, 1, 2, 1_000_000),
        new NormalGammaPosterior(0, 1, 2, 0.01));
}

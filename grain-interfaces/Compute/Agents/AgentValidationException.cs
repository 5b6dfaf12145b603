using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// A plan request or feedback that cannot be used as given. <see cref="Field"/> names the offending field
/// (for example <c>agents[2]</c> or <c>latencyMs</c>).
/// </summary>
[GenerateSerializer]
[Alias("Compute.AgentValidationException")]
public sealed class AgentValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public AgentValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>JSON-path-like name of the offending field.</summary>
    [Id(0)]
    public string Field { get; }
}

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// A plan request or feedback that cannot be used as given. <see cref="Field"/> names the offending field
/// (for example <c>agents[2]</c> or <c>latencyMs</c>).
/// </summary>
public sealed class AgentValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public AgentValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>JSON-path-like name of the offending field.</summary>
    public string Field { get; }
}

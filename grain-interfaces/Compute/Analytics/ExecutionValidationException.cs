using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// A batch of execution records is invalid; nothing of it was taken. <see cref="Field"/> is the JSON path of the
/// offending field, e.g. <c>[3].tokens.total</c> (empty for the batch as a whole).
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.ExecutionValidationException")]
public sealed class ExecutionValidationException : Exception
{
    public ExecutionValidationException(string field, string problem)
        : base(field.Length == 0 ? problem : $"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    [Id(0)]
    public string Field { get; }

    [Id(1)]
    public string Problem { get; }
}

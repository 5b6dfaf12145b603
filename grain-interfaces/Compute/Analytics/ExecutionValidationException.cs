namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// A batch of execution records is invalid; nothing of it was taken. <see cref="Field"/> is the JSON path of the
/// offending field, e.g. <c>[3].tokens.total</c> (empty for the batch as a whole).
/// </summary>
public sealed class ExecutionValidationException : Exception
{
    public ExecutionValidationException(string field, string problem)
        : base(field.Length == 0 ? problem : $"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    public string Field { get; }

    public string Problem { get; }
}

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// A study specification, a trial's parameters or a reported result is invalid. <see cref="Field"/> is the
/// JSON path of the offending field, e.g. <c>parameters[1].low</c> or <c>values[0]</c>.
/// </summary>
public sealed class StudyValidationException : Exception
{
    public StudyValidationException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    public string Field { get; }

    public string Problem { get; }
}

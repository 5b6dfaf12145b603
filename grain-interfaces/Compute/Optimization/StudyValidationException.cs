using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// A study specification, a trial's parameters or a reported result is invalid. <see cref="Field"/> is the
/// JSON path of the offending field, e.g. <c>parameters[1].low</c> or <c>values[0]</c>.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.StudyValidationException")]
public sealed class StudyValidationException : Exception
{
    public StudyValidationException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    [Id(0)]
    public string Field { get; }

    [Id(1)]
    public string Problem { get; }
}

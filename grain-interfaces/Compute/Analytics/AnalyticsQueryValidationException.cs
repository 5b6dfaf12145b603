namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>A query parameter of an analytics query is missing or invalid; <see cref="Field"/> names it, e.g. <c>taskType</c>.</summary>
public sealed class AnalyticsQueryValidationException : Exception
{
    public AnalyticsQueryValidationException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    public string Field { get; }

    public string Problem { get; }
}

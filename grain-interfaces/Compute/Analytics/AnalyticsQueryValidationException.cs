using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>A query parameter of an analytics query is missing or invalid; <see cref="Field"/> names it, e.g. <c>taskType</c>.</summary>
[GenerateSerializer]
[Alias("Compute.Analytics.AnalyticsQueryValidationException")]
public sealed class AnalyticsQueryValidationException : Exception
{
    public AnalyticsQueryValidationException(string field, string problem)
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

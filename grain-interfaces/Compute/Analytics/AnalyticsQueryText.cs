namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// The text parameters of analytics queries (task type, complexity): required, and no longer than the text fields of
/// execution records can be and storable like them, so the gateway and the analytics grain refuse the same input.
/// </summary>
public static class AnalyticsQueryText
{
    public const int MaxLength = 200;

    /// <exception cref="AnalyticsQueryValidationException">naming <paramref name="field"/>.</exception>
    public static string Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new AnalyticsQueryValidationException(field, "is required: a non-empty string.");
        if (value.Length > MaxLength)
            throw new AnalyticsQueryValidationException(field, $"must be at most {MaxLength} characters.");
        if (!StorableText.Is(value))
            throw new AnalyticsQueryValidationException(field, StorableText.Problem);
        return value;
    }
}

using Orleans;

namespace Cluster.Grains.Compute.Search;

/// <summary>
/// A search request that cannot be run as given. <see cref="Field"/> names the offending request field
/// (for example <c>iterations</c> or <c>position</c>) so a gateway can answer 400 with it.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Search.SearchValidationException")]
public class SearchValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public SearchValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>JSON-path-like name of the offending field.</summary>
    [Id(0)]
    public string Field { get; }
}

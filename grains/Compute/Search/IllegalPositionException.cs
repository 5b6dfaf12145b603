using Orleans;

namespace Cluster.Grains.Compute.Search;

/// <summary>A well-formed position that cannot arise under the game's rules (stone counts, double wins, full columns…).</summary>
[GenerateSerializer]
[Alias("Compute.Search.IllegalPositionException")]
public sealed class IllegalPositionException : SearchValidationException
{
    /// <summary>Creates the exception; <paramref name="index"/> is the offending character when one can be named.</summary>
    public IllegalPositionException(string message, int? index = null)
        : base("position", message)
    {
        Index = index;
    }

    /// <summary>Zero-based index of the character that made the position illegal, when there is one.</summary>
    [Id(0)]
    public int? Index { get; }
}

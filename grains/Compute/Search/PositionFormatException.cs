using Orleans;

namespace Cluster.Grains.Compute.Search;

/// <summary>A position string that is not well formed: wrong length or an unexpected character.</summary>
[GenerateSerializer]
[Alias("Compute.Search.PositionFormatException")]
public sealed class PositionFormatException : SearchValidationException
{
    /// <summary>Creates the exception; <paramref name="index"/> is the offending character, or -1 when the whole string is at fault.</summary>
    public PositionFormatException(int index, string message)
        : base("position", message)
    {
        Index = index;
    }

    /// <summary>Zero-based index of the offending character, or -1 when the length is wrong.</summary>
    [Id(0)]
    public int Index { get; }
}

namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>Bounds on what an image upload may cost to decode; checked from the header before any pixel is decoded.</summary>
public sealed class DecodingOptions
{
    public int MaxEncodedBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Width × height at most: an RGB copy of the largest allowed image takes three times this in bytes.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Throws <see cref="VisionOptionsException"/> naming the first setting out of range.</summary>
    public void Validate(string section)
    {
        if (MaxEncodedBytes < 1)
            throw new VisionOptionsException($"{section}:MaxEncodedBytes", $"must be positive; got {MaxEncodedBytes}.");
        if (MaxPixels is < 1 or > int.MaxValue / 3)
            throw new VisionOptionsException($"{section}:MaxPixels", $"must be between 1 and {int.MaxValue / 3}; got {MaxPixels}.");
    }
}

namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>A decoded image: <see cref="Pixels"/> holds 8-bit R, G, B interleaved, row by row, top row first.</summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (pixels.Length != (long)width * height * 3)
            throw new ArgumentException($"A {width}×{height} RGB image needs {(long)width * height * 3} bytes; got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }
}

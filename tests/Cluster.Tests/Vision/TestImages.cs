using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Cluster.Tests.Vision;

/// <summary>Images the tests draw pixel by pixel and encode as PNG, so every run sees the same bytes.</summary>
internal static class TestImages
{
    public static byte[] Solid(byte r, byte g, byte b, int size = 64) => Draw(size, (_, _) => new Rgb24(r, g, b));

    public static byte[] Checkerboard(int size = 64, int square = 8) =>
        Draw(size, (x, y) => ((x / square) + (y / square)) % 2 == 0 ? new Rgb24(0, 0, 0) : new Rgb24(255, 255, 255));

    /// <summary>Horizontal stripes of the given colours, each <paramref name="height"/> rows tall.</summary>
    public static byte[] Stripes(int size, int height, params Rgb24[] colours) => Draw(size, (_, y) => colours[(y / height) % colours.Length]);

    private static byte[] Draw(int size, Func<int, int, Rgb24> pixel)
    {
        using var image = new Image<Rgb24>(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
                image[x, y] = pixel(x, y);
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }
}

using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>
/// Decodes JPEG, PNG, BMP, GIF (first frame), TGA, TIFF, WebP and PBM uploads to 8-bit RGB with ImageSharp. The
/// header is read first, so an image over the pixel limit is refused before its pixels are decoded.
/// </summary>
public sealed class RgbDecoder
{
    private readonly DecodingOptions _options;
    private readonly Configuration _configuration = Configuration.Default.Clone();

    public RgbDecoder(DecodingOptions options)
    {
        options.Validate("decoding");
        _options = options;
    }

    public RgbImage Decode(byte[] encoded)
    {
        if (encoded.Length == 0)
            throw new ImageDecodeException("is empty; send the bytes of a JPEG, PNG, BMP, GIF, TGA, TIFF, WebP or PBM file.");
        if (encoded.Length > _options.MaxEncodedBytes)
            throw new ImageDecodeException($"is {encoded.Length} bytes; at most {_options.MaxEncodedBytes} are accepted.");
        try
        {
            var info = Image.Identify(_configuration, encoded, out _)
                ?? throw new ImageDecodeException("is not in a supported format; send JPEG, PNG, BMP, GIF, TGA, TIFF, WebP or PBM.");
            if ((long)info.Width * info.Height > _options.MaxPixels)
                throw new ImageDecodeException($"is {info.Width}×{info.Height} pixels; at most {_options.MaxPixels} pixels are accepted.");

            using var image = Image.Load<Rgb24>(_configuration, encoded);
            var pixels = new byte[image.Width * image.Height * 3];
            image.CopyPixelDataTo(pixels);
            return new RgbImage(image.Width, image.Height, pixels);
        }
        catch (ImageFormatException error)
        {
            throw new ImageDecodeException($"could not be decoded ({error.Message}).", error);
        }
    }
}

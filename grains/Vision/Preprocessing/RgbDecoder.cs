using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>
/// Decodes JPEG, PNG and BMP uploads to 8-bit RGB with ImageSharp. Only those three decoders are registered: uploads
/// are untrusted, and the other formats' decoders are where crafted-image flaws have been reported. The header is read
/// first, so an image over the pixel limit is refused before its pixels are decoded.
/// </summary>
public sealed class RgbDecoder
{
    private readonly DecodingOptions _options;
    private readonly Configuration _configuration = new(new JpegConfigurationModule(), new PngConfigurationModule(), new BmpConfigurationModule());

    public RgbDecoder(DecodingOptions options)
    {
        options.Validate("decoding");
        _options = options;
    }

    public RgbImage Decode(byte[] encoded)
    {
        Inspect(encoded);
        try
        {
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

    /// <summary>
    /// The checks <see cref="Decode"/> makes before decoding pixels (size, format, pixel count), from the header alone:
    /// cheap enough for a gateway to refuse an upload before it is queued.
    /// </summary>
    public void Inspect(byte[] encoded)
    {
        if (encoded.Length == 0)
            throw new ImageDecodeException("is empty; send the bytes of a JPEG, PNG or BMP file.");
        if (encoded.Length > _options.MaxEncodedBytes)
            throw new ImageDecodeException($"is {encoded.Length} bytes; at most {_options.MaxEncodedBytes} are accepted.");
        try
        {
            var info = Image.Identify(_configuration, encoded, out _)
                ?? throw new ImageDecodeException("is not in a supported format; send JPEG, PNG or BMP.");
            if ((long)info.Width * info.Height > _options.MaxPixels)
                throw new ImageDecodeException($"is {info.Width}×{info.Height} pixels; at most {_options.MaxPixels} pixels are accepted.");
        }
        catch (ImageFormatException error)
        {
            throw new ImageDecodeException($"could not be decoded ({error.Message}).", error);
        }
    }
}

using Cluster.Grains.Vision.Preprocessing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Cluster.Tests.Vision;

public sealed class PreprocessingTests
{
    private static readonly PreprocessSpec Raw2x2 = new() { Width = 2, Height = 2 };

    private static float[] Run(PreprocessSpec spec, RgbImage image)
    {
        var tensor = new float[spec.TensorLength];
        new SimdPreprocessor(spec).Preprocess(image, tensor);
        return tensor;
    }

    [Fact]
    public void Same_size_raw_output_is_the_pixels_as_rgb_planes()
    {
        // Pixels: (10,20,30) (40,50,60) / (70,80,90) (100,110,120).
        var image = new RgbImage(2, 2, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);

        Assert.Equal([10f, 40, 70, 100, 20, 50, 80, 110, 30, 60, 90, 120], Run(Raw2x2, image));
    }

    [Fact]
    public void Bgr_order_swaps_the_red_and_blue_planes()
    {
        var image = new RgbImage(2, 2, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);

        Assert.Equal([30f, 60, 90, 120, 20, 50, 80, 110, 10, 40, 70, 100], Run(new PreprocessSpec { Width = 2, Height = 2, Order = ChannelOrder.Bgr }, image));
    }

    [Fact]
    public void Upscaling_blends_neighbours_by_the_half_pixel_rule()
    {
        // 2×1 grey 0 and 200 stretched to 4×1: source positions 0 (clamped from −0.25), 0.25, 0.75, 1.25 (clamped).
        var image = new RgbImage(2, 1, [0, 0, 0, 200, 200, 200]);
        var tensor = Run(new PreprocessSpec { Width = 4, Height = 1 }, image);

        Assert.Equal([0f, 50, 150, 200], tensor[..4]);
    }

    [Fact]
    public void Imagenet_normalisation_matches_hand_computed_values()
    {
        var image = new RgbImage(2, 2, [255, 0, 128, 255, 0, 128, 255, 0, 128, 255, 0, 128]);
        var spec = new PreprocessSpec { Width = 2, Height = 2, Scale = PreprocessSpec.ImageNet.Scale, Offset = PreprocessSpec.ImageNet.Offset };

        var tensor = Run(spec, image);

        // (255/255 − 0.485) / 0.229, (0 − 0.456) / 0.224, (128/255 − 0.406) / 0.225.
        Assert.Equal(2.2489083f, tensor[0], 1e-5f);
        Assert.Equal(-2.0357143f, tensor[4], 1e-5f);
        Assert.Equal(0.4264924f, tensor[8], 1e-5f);
    }

    [Fact]
    public void Shorter_side_resize_then_centre_crop_keeps_the_middle_columns()
    {
        // 4×2 image, shorter side stays 2, crop 2×2 keeps columns 1 and 2.
        var pixels = new byte[4 * 2 * 3];
        for (var x = 0; x < 4; x++)
        {
            for (var y = 0; y < 2; y++)
                pixels[(y * 4 + x) * 3] = (byte)(10 * (x + 1));
        }

        var tensor = Run(new PreprocessSpec { Width = 2, Height = 2, ResizeShorterSide = 2 }, new RgbImage(4, 2, pixels));

        Assert.Equal([20f, 30, 20, 30], tensor[..4]);
    }

    [Fact]
    public void A_mean_image_is_subtracted_last()
    {
        var image = new RgbImage(2, 2, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
        var mean = new float[12];
        Array.Fill(mean, 5f);

        Assert.Equal([5f, 35, 65, 95, 15, 45, 75, 105, 25, 55, 85, 115], Run(new PreprocessSpec { Width = 2, Height = 2, MeanImage = mean }, image));
    }

    [Fact]
    public void A_png_made_in_the_test_decodes_to_its_pixels()
    {
        using var source = new Image<Rgb24>(3, 2, new Rgb24(12, 34, 56));
        source[2, 1] = new Rgb24(200, 100, 0);
        using var encoded = new MemoryStream();
        source.SaveAsPng(encoded);

        var image = new RgbDecoder(new DecodingOptions()).Decode(encoded.ToArray());

        Assert.Equal(3, image.Width);
        Assert.Equal(2, image.Height);
        Assert.Equal([12, 34, 56], image.Pixels[..3]);
        Assert.Equal([200, 100, 0], image.Pixels[15..18]);
    }

    [Fact]
    public void Bytes_that_are_no_image_or_too_many_pixels_are_refused_naming_the_image()
    {
        var decoder = new RgbDecoder(new DecodingOptions { MaxPixels = 4 });
        using var source = new Image<Rgb24>(3, 2);
        using var encoded = new MemoryStream();
        source.SaveAsPng(encoded);

        Assert.StartsWith("image: is not in a supported format", Assert.Throws<ImageDecodeException>(() => decoder.Decode([1, 2, 3, 4, 5])).Message);
        Assert.Contains("3×2 pixels", Assert.Throws<ImageDecodeException>(() => decoder.Decode(encoded.ToArray())).Message);
        Assert.Contains("empty", Assert.Throws<ImageDecodeException>(() => decoder.Decode([])).Message);
    }

    [Fact]
    public void Formats_other_than_jpeg_png_and_bmp_are_refused_before_decoding()
    {
        using var source = new Image<Rgb24>(3, 2);
        using var gif = new MemoryStream();
        source.SaveAsGif(gif);
        using var jpeg = new MemoryStream();
        source.SaveAsJpeg(jpeg);
        var decoder = new RgbDecoder(new DecodingOptions());

        Assert.Contains("JPEG, PNG or BMP", Assert.Throws<ImageDecodeException>(() => decoder.Decode(gif.ToArray())).Message);
        Assert.Equal(3, decoder.Decode(jpeg.ToArray()).Width);
    }
}

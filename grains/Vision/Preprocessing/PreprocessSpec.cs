namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>
/// What a model wants from an image: an NCHW float32 tensor of <see cref="Width"/> × <see cref="Height"/>, made by
/// bilinear resampling (either the shorter side scaled to <see cref="ResizeShorterSide"/> and the centre cropped, or
/// the whole image stretched when it is 0), channels in <see cref="Order"/>, each value
/// <c>pixel × Scale[c] + Offset[c] − MeanImage[c, y, x]</c> (the mean image only when given).
/// </summary>
public sealed class PreprocessSpec
{
    /// <summary>
    /// torchvision's ImageNet evaluation transform: shorter side to 256, centre crop 224, RGB in [0, 1] normalised
    /// by mean (0.485, 0.456, 0.406) and standard deviation (0.229, 0.224, 0.225).
    /// </summary>
    public static PreprocessSpec ImageNet { get; } = new()
    {
        Width = 224,
        Height = 224,
        ResizeShorterSide = 256,
        Order = ChannelOrder.Rgb,
        Scale = [1f / (255f * 0.229f), 1f / (255f * 0.224f), 1f / (255f * 0.225f)],
        Offset = [-0.485f / 0.229f, -0.456f / 0.224f, -0.406f / 0.225f],
    };

    /// <summary>
    /// The input of ML.NET's DnnImageFeaturizer ResNet18 (with its ResNetPreprocess graph in front): shorter side to
    /// 224, centre crop 224, RGB planes of raw 0–255 values; the graph reorders to BGR and subtracts its mean image.
    /// </summary>
    public static PreprocessSpec DnnImageFeaturizer { get; } = new() { Width = 224, Height = 224, ResizeShorterSide = 224 };

    public int Width { get; init; } = 224;

    public int Height { get; init; } = 224;

    /// <summary>Scale the shorter side to this and crop the centre; 0 stretches the image to Width × Height.</summary>
    public int ResizeShorterSide { get; init; }

    public ChannelOrder Order { get; init; } = ChannelOrder.Rgb;

    /// <summary>Per output channel (after reordering), multiplied into the 0–255 pixel value.</summary>
    public float[] Scale { get; init; } = [1f, 1f, 1f];

    /// <summary>Per output channel, added after scaling.</summary>
    public float[] Offset { get; init; } = [0f, 0f, 0f];

    /// <summary>Optional per-pixel mean, 3 × Height × Width in output order, subtracted last (Caffe-style models).</summary>
    public float[]? MeanImage { get; init; }

    /// <summary>Floats one image takes in the output tensor: 3 × Height × Width.</summary>
    public int TensorLength => 3 * Width * Height;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (Width is < 1 or > 4096 || Height is < 1 or > 4096)
            throw new ArgumentException($"width/height: must be between 1 and 4096; got {Width}×{Height}.", nameof(Width));
        if (ResizeShorterSide != 0 && ResizeShorterSide < Math.Max(Width, Height))
            throw new ArgumentException($"resizeShorterSide: must be 0 or at least the crop size {Math.Max(Width, Height)}; got {ResizeShorterSide}.", nameof(ResizeShorterSide));
        if (Scale.Length != 3 || Offset.Length != 3)
            throw new ArgumentException($"scale/offset: need one value per channel (3); got {Scale.Length} and {Offset.Length}.", nameof(Scale));
        if (MeanImage is not null && MeanImage.Length != TensorLength)
            throw new ArgumentException($"meanImage: needs {TensorLength} values (3 × {Height} × {Width}); got {MeanImage.Length}.", nameof(MeanImage));
    }

    /// <summary>The source channel (0 R, 1 G, 2 B) that output channel <paramref name="channel"/> reads.</summary>
    public int SourceChannel(int channel) => Order == ChannelOrder.Rgb ? channel : 2 - channel;
}

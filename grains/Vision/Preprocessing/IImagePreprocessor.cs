namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>Turns a decoded image into one model input: <see cref="PreprocessSpec.TensorLength"/> floats, NCHW, batch of one.</summary>
public interface IImagePreprocessor
{
    PreprocessSpec Spec { get; }

    /// <summary>Writes the image's tensor into <paramref name="destination"/> (a batch's slice for this image).</summary>
    void Preprocess(RgbImage image, Span<float> destination);
}

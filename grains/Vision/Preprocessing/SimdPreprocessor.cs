using System.Buffers;
using System.Numerics.Tensors;

namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>
/// The CPU path. Resampling is separable: each source row an output row needs is resampled horizontally once into
/// per-channel float rows (cached, since neighbouring output rows share source rows), then every output row is a
/// vertical blend of two such rows followed by the scale, offset and mean, all as vectorised span operations.
/// Thread-safe: scratch is rented per call.
/// </summary>
public sealed class SimdPreprocessor : IImagePreprocessor
{
    public SimdPreprocessor(PreprocessSpec spec)
    {
        spec.Validate();
        Spec = spec;
    }

    public PreprocessSpec Spec { get; }

    public void Preprocess(RgbImage image, Span<float> destination)
    {
        var spec = Spec;
        int width = spec.Width, height = spec.Height, plane = width * height;
        if (destination.Length < spec.TensorLength)
            throw new ArgumentException($"The destination holds {destination.Length} floats; one image needs {spec.TensorLength}.", nameof(destination));

        var geometry = ResizeGeometry.For(image.Width, image.Height, spec);
        var taps = ArrayPool<BilinearTap>.Shared.Rent(width);
        var upper = ArrayPool<float>.Shared.Rent(3 * width);
        var lower = ArrayPool<float>.Shared.Rent(3 * width);
        try
        {
            for (var x = 0; x < width; x++)
                taps[x] = ResizeGeometry.Tap(x, geometry.OffsetX, geometry.ScaleX, image.Width);

            int upperRow = -1, lowerRow = -1;
            for (var y = 0; y < height; y++)
            {
                var tap = ResizeGeometry.Tap(y, geometry.OffsetY, geometry.ScaleY, image.Height);
                if (upperRow != tap.Low)
                {
                    if (lowerRow == tap.Low)
                        (upper, lower, upperRow, lowerRow) = (lower, upper, lowerRow, upperRow);
                    else
                        ResampleRow(image, tap.Low, taps, width, upper);
                    upperRow = tap.Low;
                }

                if (lowerRow != tap.High)
                {
                    ResampleRow(image, tap.High, taps, width, lower);
                    lowerRow = tap.High;
                }

                for (var c = 0; c < 3; c++)
                {
                    var row = destination.Slice(c * plane + y * width, width);
                    TensorPrimitives.Lerp(upper.AsSpan(c * width, width), lower.AsSpan(c * width, width), tap.Weight, row);
                    TensorPrimitives.Multiply(row, spec.Scale[c], row);
                    TensorPrimitives.Add(row, spec.Offset[c], row);
                    if (spec.MeanImage is { } mean)
                        TensorPrimitives.Subtract(row, mean.AsSpan(c * plane + y * width, width), row);
                }
            }
        }
        finally
        {
            ArrayPool<BilinearTap>.Shared.Return(taps);
            ArrayPool<float>.Shared.Return(upper);
            ArrayPool<float>.Shared.Return(lower);
        }
    }

    /// <summary>Source row <paramref name="sourceRow"/> resampled to the output width, one plane per output channel.</summary>
    private void ResampleRow(RgbImage image, int sourceRow, BilinearTap[] taps, int width, float[] into)
    {
        var pixels = image.Pixels.AsSpan(sourceRow * image.Width * 3, image.Width * 3);
        for (var c = 0; c < 3; c++)
        {
            var source = Spec.SourceChannel(c);
            var plane = into.AsSpan(c * width, width);
            for (var x = 0; x < plane.Length; x++)
            {
                var tap = taps[x];
                float left = pixels[tap.Low * 3 + source], right = pixels[tap.High * 3 + source];
                plane[x] = left * (1f - tap.Weight) + right * tap.Weight;
            }
        }
    }
}

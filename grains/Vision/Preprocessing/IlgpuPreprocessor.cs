using ILGPU;
using ILGPU.Runtime;

namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>
/// The device path: one kernel thread per output pixel samples the source bilinearly through the same
/// <see cref="ResizeGeometry.Tap"/> as the CPU path and writes the pixel's three normalised channels. Device buffers
/// are kept and grown between calls; calls are serialised because they share them.
/// </summary>
public sealed class IlgpuPreprocessor : IImagePreprocessor, IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, ArrayView<byte>, ArrayView<float>, ArrayView<float>, PreprocessKernelArguments> _kernel;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _mean;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _output;
    private readonly Lock _gate = new();
    private MemoryBuffer1D<byte, Stride1D.Dense>? _source;

    public IlgpuPreprocessor(Accelerator accelerator, PreprocessSpec spec)
    {
        spec.Validate();
        Spec = spec;
        _accelerator = accelerator;
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<byte>, ArrayView<float>, ArrayView<float>, PreprocessKernelArguments>(Run);
        _mean = accelerator.Allocate1D(spec.MeanImage ?? [0f]);
        _output = accelerator.Allocate1D<float>(spec.TensorLength);
    }

    public PreprocessSpec Spec { get; }

    public void Preprocess(RgbImage image, Span<float> destination)
    {
        if (destination.Length < Spec.TensorLength)
            throw new ArgumentException($"The destination holds {destination.Length} floats; one image needs {Spec.TensorLength}.", nameof(destination));
        var arguments = new PreprocessKernelArguments(
            ResizeGeometry.For(image.Width, image.Height, Spec),
            Spec.Width,
            Spec.Height,
            Spec.SourceChannel(0),
            Spec.SourceChannel(1),
            Spec.SourceChannel(2),
            Spec.Scale[0],
            Spec.Scale[1],
            Spec.Scale[2],
            Spec.Offset[0],
            Spec.Offset[1],
            Spec.Offset[2],
            Spec.MeanImage is null ? 0 : 1);

        lock (_gate)
        {
            if (_source is null || _source.Length < image.Pixels.Length)
            {
                _source?.Dispose();
                _source = _accelerator.Allocate1D<byte>(image.Pixels.Length);
            }

            var stream = _accelerator.DefaultStream;
            _source.View.SubView(0, image.Pixels.Length).CopyFromCPU(stream, image.Pixels);
            _kernel(Spec.Width * Spec.Height, _source.View, _output.View, _mean.View, arguments);
            _output.View.CopyToCPU(stream, destination[..Spec.TensorLength]);
            stream.Synchronize();
        }
    }

    public void Dispose()
    {
        _source?.Dispose();
        _mean.Dispose();
        _output.Dispose();
    }

    private static void Run(Index1D pixel, ArrayView<byte> source, ArrayView<float> output, ArrayView<float> mean, PreprocessKernelArguments a)
    {
        var g = a.Geometry;
        var x = pixel.X % a.Width;
        var y = pixel.X / a.Width;
        var tx = ResizeGeometry.Tap(x, g.OffsetX, g.ScaleX, g.SourceWidth);
        var ty = ResizeGeometry.Tap(y, g.OffsetY, g.ScaleY, g.SourceHeight);
        var plane = a.Width * a.Height;
        Write(source, output, mean, a, tx, ty, pixel.X, a.Source0, a.Scale0, a.Offset0);
        Write(source, output, mean, a, tx, ty, plane + pixel.X, a.Source1, a.Scale1, a.Offset1);
        Write(source, output, mean, a, tx, ty, 2 * plane + pixel.X, a.Source2, a.Scale2, a.Offset2);
    }

    private static void Write(
        ArrayView<byte> source, ArrayView<float> output, ArrayView<float> mean, PreprocessKernelArguments a,
        BilinearTap tx, BilinearTap ty, int at, int channel, float scale, float offset)
    {
        var stride = a.Geometry.SourceWidth * 3;
        var upper = Blend(source[ty.Low * stride + tx.Low * 3 + channel], source[ty.Low * stride + tx.High * 3 + channel], tx.Weight);
        var lower = Blend(source[ty.High * stride + tx.Low * 3 + channel], source[ty.High * stride + tx.High * 3 + channel], tx.Weight);
        var value = upper * (1f - ty.Weight) + lower * ty.Weight;
        value = value * scale + offset;
        if (a.HasMean != 0)
            value -= mean[at];
        output[at] = value;
    }

    private static float Blend(byte left, byte right, float weight) => left * (1f - weight) + right * weight;
}

using Cluster.Grains.Vision.Preprocessing;
using ILGPU;
using ILGPU.Runtime.CPU;
using Xunit;

namespace Cluster.Tests.Vision;

/// <summary>The ILGPU kernel, run on ILGPU's CPU accelerator, against the SIMD CPU path on the same images.</summary>
public sealed class KernelAgreementTests : IDisposable
{
    private readonly Context _context = Context.Create(builder => builder.CPU());
    private readonly CPUAccelerator _accelerator;

    public KernelAgreementTests() => _accelerator = _context.CreateCPUAccelerator(0);

    public static TheoryData<string, int, int> Images => new()
    {
        { "imagenet", 97, 61 },
        { "imagenet", 640, 480 },
        { "featurizer", 300, 500 },
        { "stretch-bgr-mean", 50, 40 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void The_kernel_and_the_simd_path_agree_within_1e_4(string specName, int width, int height)
    {
        var spec = specName switch
        {
            "imagenet" => PreprocessSpec.ImageNet,
            "featurizer" => PreprocessSpec.DnnImageFeaturizer,
            _ => StretchBgrWithMean(),
        };
        var pixels = new byte[width * height * 3];
        new Random(width * 31 + height).NextBytes(pixels);
        var image = new RgbImage(width, height, pixels);
        var cpu = new float[spec.TensorLength];
        var kernel = new float[spec.TensorLength];

        new SimdPreprocessor(spec).Preprocess(image, cpu);
        using (var device = new IlgpuPreprocessor(_accelerator, spec))
            device.Preprocess(image, kernel);

        var worst = 0f;
        for (var i = 0; i < cpu.Length; i++)
            worst = Math.Max(worst, Math.Abs(cpu[i] - kernel[i]));
        Assert.True(worst <= 1e-4f, $"largest difference {worst}");
        Assert.NotEqual(0f, cpu[^1]);
    }

    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }

    private static PreprocessSpec StretchBgrWithMean()
    {
        var mean = new float[3 * 32 * 24];
        for (var i = 0; i < mean.Length; i++)
            mean[i] = i % 97;
        return new PreprocessSpec { Width = 32, Height = 24, Order = ChannelOrder.Bgr, Scale = [0.5f, 1f, 2f], Offset = [1f, -3f, 0.25f], MeanImage = mean };
    }
}

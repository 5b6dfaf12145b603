using Cluster.Grains.Vision.Devices;
using Cluster.Grains.Vision.Models;
using Cluster.Grains.Vision.Preprocessing;

namespace Cluster.Tests.Vision.Models;

/// <summary>The packaged ResNet18 loaded once for a test class, on the CPU device.</summary>
public sealed class ResNet18Fixture : IDisposable
{
    public ResNet18Fixture()
    {
        Sessions = new DeviceSessions(VisionDevice.Cpu("test CPU", 2L << 30), new ModelLoader(null, 0), new RgbDecoder(new DecodingOptions()));
        Loaded = Sessions.Load(BuiltInModels.ResNet18);
    }

    public DeviceSessions Sessions { get; }

    public LoadedModel Loaded { get; }

    /// <summary>Each image's 512 features, L2-normalised as the embed task answers them, from one batched run.</summary>
    public float[][] Embed(params byte[][] images)
    {
        var outcome = Sessions.Run(BuiltInModels.ResNet18Name, images);
        var embeddings = new float[images.Length][];
        for (var i = 0; i < images.Length; i++)
            embeddings[i] = Readout.Embedding(outcome.Row(i));
        return embeddings;
    }

    public void Dispose() => Sessions.Dispose();
}

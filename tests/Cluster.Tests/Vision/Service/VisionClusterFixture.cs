using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Vision;
using Cluster.Tests.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace Cluster.Tests.Vision.Service;

/// <summary>
/// Two silos, only Secondary_1 with the gpu role (so it serves the CPU device), with a long batching delay so that
/// jobs wait long enough to be cancelled or batched. ResNet18 is loaded once, before the tests; a tiny classifier
/// (<see cref="MeanColourModel"/>) is registered by path.
/// </summary>
public sealed class VisionClusterFixture : IAsyncLifetime
{
    public const string GpuSilo = "Secondary_1";

    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(400);

    public TestCluster Cluster { get; private set; } = null!;

    public IVisionGrain Vision => Cluster.GrainFactory.GetGrain<IVisionGrain>(0);

    private readonly string _models = Path.Combine(Path.GetTempPath(), $"vision-models-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        var (model, labels) = MeanColourModel.Write(_models);
        Cluster = await TestClusters.StartAsync(silos: 2, settings: new Dictionary<string, string?>
        {
            ["Vision:Models:0:Name"] = MeanColourModel.Name,
            ["Vision:Models:0:Path"] = model,
            ["Vision:Models:0:Width"] = $"{MeanColourModel.Size}",
            ["Vision:Models:0:Height"] = $"{MeanColourModel.Size}",
            ["Vision:Models:0:Normalisation"] = "raw",
            ["Vision:Models:0:Output"] = "logits",
            ["Vision:Models:0:Labels"] = labels,
            [TestClusters.GpuSilosSetting] = GpuSilo,
            ["Vision:Batching:MaxDelay"] = BatchDelay.ToString(),
            ["Vision:Batching:MaxBatchSize"] = "8",
        });
        await GpuSiloKnownAsync();
        await Vision.LoadAsync("resnet18");
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }

    /// <summary>A silo's metadata reaches the others a moment after it joins; until then no gpu silo is known there.</summary>
    private async Task GpuSiloKnownAsync()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Vision.GetDevicesAsync();
                return;
            }
            catch (NoCompatibleSiloException) when (waited.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }
        }
    }
}

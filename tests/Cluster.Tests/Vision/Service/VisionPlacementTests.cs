using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Vision;
using Cluster.Tests.Hosting;
using Xunit;

namespace Cluster.Tests.Vision.Service;

public sealed class VisionPlacementTests
{
    [Fact]
    public async Task A_job_goes_to_the_gpu_silo_where_its_model_is_already_resident()
    {
        await using var cluster = await TestClusters.StartAsync(silos: 3,
            settings: new Dictionary<string, string?> { [TestClusters.GpuSilosSetting] = "Primary,Secondary_2" });
        var vision = cluster.GrainFactory.GetGrain<IVisionGrain>(0);
        var devices = await BothDevicesAsync(vision);
        var resident = devices.Single(d => d.Silo == "Secondary_2").Manager;
        await cluster.GrainFactory.GetGrain<IVisionResourceManagerGrain>(resident).LoadAsync("resnet18");

        var jobs = new List<VisionJobView>();
        for (var i = 0; i < 3; i++)
            jobs.Add(await vision.SubmitAsync(new VisionJobRequest("resnet18", VisionTask.Embed, TestImages.Solid(5, 5, (byte)i), 5, null, "tests")));

        Assert.All(jobs, j => Assert.Equal(resident, j.Device));
        Assert.Equal(["Primary", "Secondary_2"], devices.Select(d => d.Silo).Order());
    }

    /// <summary>Silo metadata reaches the other silos a moment after they join.</summary>
    private static async Task<IReadOnlyList<VisionDeviceView>> BothDevicesAsync(IVisionGrain vision)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var devices = await vision.GetDevicesAsync();
                if (devices.Count == 2 || waited.Elapsed > TimeSpan.FromSeconds(15))
                    return devices;
            }
            catch (NoCompatibleSiloException) when (waited.Elapsed < TimeSpan.FromSeconds(15))
            {
            }

            await Task.Delay(100);
        }
    }
}

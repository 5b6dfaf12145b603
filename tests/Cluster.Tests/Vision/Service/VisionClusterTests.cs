using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Vision;
using Cluster.Tests.Hosting;
using Xunit;

namespace Cluster.Tests.Vision.Service;

/// <summary>Vision grains in a TestingHost cluster with one gpu silo and one without, running the real ResNet18.</summary>
public sealed class VisionClusterTests(VisionClusterFixture fixture) : IClassFixture<VisionClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Only_the_gpu_silo_has_a_device_manager_and_it_serves_the_cpu_device()
    {
        var devices = await fixture.Vision.GetDevicesAsync();

        var device = Assert.Single(devices);
        Assert.Equal(VisionClusterFixture.GpuSilo, device.Silo);
        Assert.Equal("cpu0", device.Device);
        Assert.True(device.Healthy);
        Assert.Contains("resnet18", device.ResidentModels);
        Assert.InRange(device.CommittedBytes, 1, device.BudgetBytes - device.ReserveBytes);
        Assert.Equal(device.BudgetBytes - device.ReserveBytes - device.CommittedBytes, device.FreeBytes);
    }

    [Fact]
    public async Task An_embed_job_runs_on_the_gpu_silo_and_answers_a_unit_vector()
    {
        var job = await fixture.Vision.SubmitAsync(Embed(TestImages.Checkerboard()));
        var done = await Manager(job).WaitAsync(job.JobId, Wait);

        Assert.Equal(VisionJobState.Succeeded, done.State);
        Assert.Equal(512, done.Embedding!.Length);
        Assert.Equal(1.0, Math.Sqrt(done.Embedding.Sum(v => (double)v * v)), 1e-4);
        Assert.Contains("/cpu0", done.Device, StringComparison.Ordinal);
        var gpu = fixture.Cluster.Silos.Single(s => s.Name == VisionClusterFixture.GpuSilo);
        Assert.StartsWith(gpu.SiloAddress.ToParsableString(), done.Device, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_submitted_together_run_as_one_batch()
    {
        var jobs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fixture.Vision.SubmitAsync(Embed(TestImages.Solid((byte)(40 * i), 90, 200)))));
        var done = await Task.WhenAll(jobs.Select(j => Manager(j).WaitAsync(j.JobId, Wait)));

        Assert.All(done, d => Assert.Equal(VisionJobState.Succeeded, d.State));
        Assert.All(done, d => Assert.Equal(4, d.BatchSize));
    }

    [Fact]
    public async Task A_job_cancelled_while_it_waits_for_its_batch_never_runs()
    {
        var job = await fixture.Vision.SubmitAsync(Embed(TestImages.Solid(1, 2, 3)));

        var cancelled = await Manager(job).CancelAsync(job.JobId);
        await Task.Delay(VisionClusterFixture.BatchDelay * 2);

        Assert.Equal(VisionJobState.Cancelled, cancelled.State);
        var after = await Manager(job).GetJobAsync(job.JobId);
        Assert.Equal(VisionJobState.Cancelled, after.State);
        Assert.Null(after.Embedding);
    }

    [Fact]
    public async Task A_job_whose_deadline_passes_while_it_waits_expires_without_running()
    {
        var job = await fixture.Vision.SubmitAsync(Embed(TestImages.Solid(9, 9, 9)) with { Deadline = DateTimeOffset.UtcNow.AddMilliseconds(100) });

        var done = await Manager(job).WaitAsync(job.JobId, Wait);

        Assert.Equal(VisionJobState.Expired, done.State);
        Assert.Null(done.Embedding);
    }

    [Fact]
    public async Task Classifying_with_the_featurizer_is_refused_naming_the_task_field()
    {
        var error = await Assert.ThrowsAsync<VisionValidationException>(() =>
            fixture.Vision.SubmitAsync(Embed(TestImages.Checkerboard()) with { Task = VisionTask.Classify }));

        Assert.Equal("task", error.Field);
        Assert.Contains("cannot classify", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_classifier_registered_by_path_answers_its_labels_best_first_with_softmax_scores()
    {
        var request = new VisionJobRequest(MeanColourModel.Name, VisionTask.Classify, TestImages.Solid(100, 104, 102), 2, null, "tests");

        var job = await fixture.Vision.SubmitAsync(request);
        var done = await Manager(job).WaitAsync(job.JobId, Wait);

        Assert.True(done.State == VisionJobState.Succeeded, done.Error);
        Assert.Equal(["green", "blue", "red"], done.Classes!.Select(c => c.Label));
        Assert.Equal(1.0, done.Classes!.Sum(c => c.Score), 1e-4);
        // Logits are the mean channel values (100, 104, 102): softmax gives e^4 / (e^4 + e^2 + 1) to green.
        Assert.Equal(Math.Exp(4) / (Math.Exp(4) + Math.Exp(2) + 1), done.Classes![0].Score, 1e-4);
        var models = await fixture.Vision.GetModelsAsync();
        var classifier = models.Single(m => m.Name == MeanColourModel.Name);
        Assert.Equal([VisionTask.Classify, VisionTask.Embed], classifier.Tasks);
        Assert.Equal([3, MeanColourModel.Size, MeanColourModel.Size], classifier.InputShape);
        Assert.True(classifier.Placements.Single().BatchesInOneRun);
    }

    [Fact]
    public async Task With_no_gpu_silo_up_a_job_fails_fast_saying_so()
    {
        await using var cluster = await TestClusters.StartAsync(silos: 1);

        var error = await Assert.ThrowsAsync<NoCompatibleSiloException>(() =>
            cluster.GrainFactory.GetGrain<IVisionGrain>(0).SubmitAsync(Embed(TestImages.Checkerboard())));

        Assert.Contains("No gpu silo is up", error.Message, StringComparison.Ordinal);
    }

    private static VisionJobRequest Embed(byte[] image) => new("resnet18", VisionTask.Embed, image, 5, null, "tests");

    private IVisionResourceManagerGrain Manager(VisionJobView job)
    {
        Assert.True(VisionJobId.TryGetManager(job.JobId, out var manager));
        return fixture.Cluster.GrainFactory.GetGrain<IVisionResourceManagerGrain>(manager);
    }
}

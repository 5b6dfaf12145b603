using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>
/// One device of one gpu silo, keyed "{silo address}/{device id}": its memory books, its loaded ONNX sessions, its
/// job queue and batcher. Activates only on that silo, and only if the silo has the gpu role.
/// </summary>
[Alias("Vision.IVisionResourceManagerGrain")]
public interface IVisionResourceManagerGrain : IGrainWithStringKey
{
    /// <summary>Queues a job and answers its view at once (state Queued); throws a validation error naming the field.</summary>
    [Alias("SubmitAsync")]
    Task<VisionJobView> SubmitAsync(string jobId, VisionJobRequest request);

    /// <summary>The job's view once it has finished, or as it stands when <paramref name="wait"/> runs out.</summary>
    [Alias("WaitAsync")]
    Task<VisionJobView> WaitAsync(string jobId, TimeSpan wait);

    [Alias("GetJobAsync")]
    Task<VisionJobView> GetJobAsync(string jobId);

    /// <summary>Cancels the job if it has not started; answers its view either way.</summary>
    [Alias("CancelAsync")]
    Task<VisionJobView> CancelAsync(string jobId);

    [Alias("GetDeviceAsync")]
    Task<VisionDeviceView> GetDeviceAsync();

    [Alias("GetModelsAsync")]
    Task<IReadOnlyList<VisionModelView>> GetModelsAsync();

    /// <summary>Loads the model (evicting by the residency policy if needed) and answers once it is resident.</summary>
    [Alias("LoadAsync")]
    Task<VisionModelView> LoadAsync(string model);

    [Alias("UnloadAsync")]
    Task<VisionModelView> UnloadAsync(string model);

    /// <summary>Pins (never evicted, never unloaded for idleness) or unpins the model; pinning does not load it.</summary>
    [Alias("PinAsync")]
    Task<VisionModelView> PinAsync(string model, bool pinned);
}

using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>
/// The cluster's entry to vision (key 0): finds the gpu silos' device managers from membership and sends each job to
/// the healthy manager with the shortest queue, preferring one where the model is already resident. With no gpu silo
/// up it throws <see cref="NoCompatibleSiloException"/>.
/// </summary>
[Alias("Vision.IVisionGrain")]
public interface IVisionGrain : IGrainWithIntegerKey
{
    [Alias("SubmitAsync")]
    Task<VisionJobView> SubmitAsync(VisionJobRequest request);

    /// <summary>Submits a job anywhere but on <paramref name="failedManager"/>, whose device failed while holding it.</summary>
    [Alias("ResubmitAsync")]
    Task<VisionJobView> ResubmitAsync(VisionJobRequest request, string failedManager);

    [Alias("GetDevicesAsync")]
    Task<IReadOnlyList<VisionDeviceView>> GetDevicesAsync();

    [Alias("GetModelsAsync")]
    Task<IReadOnlyList<VisionModelView>> GetModelsAsync();

    /// <summary>Loads the model on every healthy device of every gpu silo.</summary>
    [Alias("LoadAsync")]
    Task<IReadOnlyList<VisionModelView>> LoadAsync(string model);

    [Alias("UnloadAsync")]
    Task<IReadOnlyList<VisionModelView>> UnloadAsync(string model);

    [Alias("PinAsync")]
    Task<IReadOnlyList<VisionModelView>> PinAsync(string model, bool pinned);
}

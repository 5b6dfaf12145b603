using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>
/// One device of one gpu silo: its memory books (budget, committed by resident and loading models, free), its queue,
/// and what NVML reads (utilisation and temperature; null where there is no NVML, as on the CPU device).
/// </summary>
[GenerateSerializer]
[Alias("Vision.VisionDeviceView")]
[Immutable]
public sealed record VisionDeviceView(
    string Manager,
    string Silo,
    string Device,
    string Kind,
    string Name,
    bool Healthy,
    string? Problem,
    long TotalBytes,
    long BudgetBytes,
    long ReserveBytes,
    long CommittedBytes,
    long FreeBytes,
    IReadOnlyList<string> ResidentModels,
    int QueuedJobs,
    int RunningJobs,
    int? UtilisationPercent,
    int? TemperatureCelsius,
    long? DeviceUsedBytes);

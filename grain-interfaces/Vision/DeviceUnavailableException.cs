using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>A device manager cannot take jobs (its device failed, or its queue is full): the job goes elsewhere, or HTTP 503.</summary>
[GenerateSerializer]
[Alias("Vision.DeviceUnavailableException")]
public sealed class DeviceUnavailableException(string manager, string problem)
    : Exception($"Vision device {manager} cannot take jobs: {problem}");

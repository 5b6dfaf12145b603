namespace Cluster.Grains.Vision.Models;

/// <summary>
/// A model resident on a device with what its load measured: the memory it took (device memory from NVML on CUDA, the
/// process's private bytes on the CPU; never less than the graph file) and how long the load took, probe run included.
/// </summary>
public sealed record LoadedModel(OnnxModel Model, long FootprintBytes, TimeSpan LoadTime, string FootprintSource);

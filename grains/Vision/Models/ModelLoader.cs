using System.Diagnostics;
using Cluster.Grains.Vision.Devices;

namespace Cluster.Grains.Vision.Models;

/// <summary>Loads a model onto a device and measures its footprint and load time.</summary>
public sealed class ModelLoader(Nvml? nvml, int intraOpThreads)
{
    /// <summary>NVML where this machine has it, for device readings beside footprints.</summary>
    public Nvml? Nvml { get; } = nvml;

    public LoadedModel Load(ModelDefinition definition, VisionDevice device)
    {
        var before = MemoryInUse(device, out var source);
        var started = Stopwatch.GetTimestamp();
        var model = OnnxModel.Load(definition, () => ExecutionProviders.Options(device, intraOpThreads), ExecutionProviders.For(device));
        var loadTime = Stopwatch.GetElapsedTime(started);
        var after = MemoryInUse(device, out _);
        // The weights live somewhere: a difference below the graph's size is noise (another allocation freed meanwhile).
        var floor = File.Exists(definition.Path) ? new FileInfo(definition.Path).Length : 1;
        return new LoadedModel(model, Math.Max(floor, after - before), loadTime, source);
    }

    private long MemoryInUse(VisionDevice device, out string source)
    {
        if (device.Kind == VisionDeviceKind.Cuda && Nvml?.Read(device.Ordinal) is { } reading)
        {
            source = "nvml-device-used";
            return reading.UsedBytes;
        }

        // Managed garbage (the parsed graph) is collected and the heap compacted, so the difference is the session's.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        source = "process-private-bytes";
        return process.PrivateMemorySize64;
    }
}

using Cluster.Grains.Vision.Hosting;
using Cluster.Grains.Vision.Models;

namespace Cluster.Grains.Vision.Devices;

/// <summary>
/// The devices this silo serves, chosen once at start-up: its CUDA devices when it has any and this build of ONNX
/// Runtime carries CUDA, otherwise the CPU with the configured budget. Each device's health is kept here, where the
/// silo's /readyz reads it.
/// </summary>
public sealed class VisionDevices
{
    /// <summary>The silo metadata key listing the device ids, so the cluster finds every device manager from membership.</summary>
    public const string MetadataKey = "vision-devices";

    private readonly Dictionary<string, string?> _problems = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public VisionDevices(IReadOnlyList<VisionDevice> devices, string selection)
    {
        All = devices;
        Selection = selection;
        foreach (var device in devices)
            _problems[device.Id] = null;
    }

    public IReadOnlyList<VisionDevice> All { get; }

    /// <summary>Why these devices were chosen, for the start-up log.</summary>
    public string Selection { get; }

    public static VisionDevices Discover(VisionOptions options)
    {
        var cpu = VisionDevice.Cpu($"CPU ({Environment.ProcessorCount} cores)", options.CpuBudgetMegabytes * 1024L * 1024L);
        if (!options.UseCuda)
            return new VisionDevices([cpu], "Vision:UseCuda is off: serving the CPU device.");
        var cuda = CudaDevices.Discover();
        if (cuda.Count == 0)
            return new VisionDevices([cpu], "No CUDA device found: serving the CPU device.");
        if (!ExecutionProviders.CudaAvailable)
        {
            return new VisionDevices([cpu],
                $"{cuda.Count} CUDA device(s) found, but this build's ONNX Runtime has no CUDA execution provider (build with -p:VisionCuda=true): serving the CPU device.");
        }

        return new VisionDevices(cuda, $"Serving {cuda.Count} CUDA device(s) with ONNX Runtime's CUDA execution provider.");
    }

    public VisionDevice Get(string id)
    {
        foreach (var device in All)
        {
            if (device.Id == id)
                return device;
        }

        throw new KeyNotFoundException($"This silo has no vision device '{id}'; it has {string.Join(", ", DeviceIds())}.");
    }

    public IEnumerable<string> DeviceIds()
    {
        foreach (var device in All)
            yield return device.Id;
    }

    /// <summary>Takes the device out of service; its manager stops accepting jobs for it.</summary>
    public void MarkFailed(string id, string problem)
    {
        lock (_lock)
            _problems[id] = problem;
    }

    /// <summary>The device's problem, or null while it is healthy.</summary>
    public string? Problem(string id)
    {
        lock (_lock)
            return _problems.GetValueOrDefault(id);
    }
}

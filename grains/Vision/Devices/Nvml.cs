using System.Runtime.InteropServices;

namespace Cluster.Grains.Vision.Devices;

/// <summary>
/// NVIDIA's management library (libnvidia-ml.so.1), bound at run time: memory, utilisation and temperature of CUDA
/// devices. Where the library is missing (no driver, as in CI) <see cref="Open"/> answers null and callers report no
/// readings rather than invented ones.
/// </summary>
public sealed unsafe class Nvml
{
    private const int Success = 0;
    private const int TemperatureGpu = 0;

    private readonly delegate* unmanaged<uint, nint*, int> _handleByIndex;
    private readonly delegate* unmanaged<nint, MemoryInfo*, int> _memoryInfo;
    private readonly delegate* unmanaged<nint, Utilization*, int> _utilization;
    private readonly delegate* unmanaged<nint, int, uint*, int> _temperature;

    private Nvml(nint library)
    {
        _handleByIndex = (delegate* unmanaged<uint, nint*, int>)NativeLibrary.GetExport(library, "nvmlDeviceGetHandleByIndex_v2");
        _memoryInfo = (delegate* unmanaged<nint, MemoryInfo*, int>)NativeLibrary.GetExport(library, "nvmlDeviceGetMemoryInfo");
        _utilization = (delegate* unmanaged<nint, Utilization*, int>)NativeLibrary.GetExport(library, "nvmlDeviceGetUtilizationRates");
        _temperature = (delegate* unmanaged<nint, int, uint*, int>)NativeLibrary.GetExport(library, "nvmlDeviceGetTemperature");
    }

    public static Nvml? Open()
    {
        if (!NativeLibrary.TryLoad("libnvidia-ml.so.1", out var library))
            return null;
        if (!NativeLibrary.TryGetExport(library, "nvmlInit_v2", out var init) || ((delegate* unmanaged<int>)init)() != Success)
            return null;
        return new Nvml(library);
    }

    /// <summary>The device's reading, or null when NVML does not answer for that index.</summary>
    public DeviceReading? Read(int ordinal)
    {
        nint device;
        if (_handleByIndex((uint)ordinal, &device) != Success)
            return null;
        MemoryInfo memory;
        if (_memoryInfo(device, &memory) != Success)
            return null;
        Utilization utilization;
        var busy = _utilization(device, &utilization) == Success ? (int)utilization.Gpu : -1;
        uint celsius;
        var temperature = _temperature(device, TemperatureGpu, &celsius) == Success ? (int)celsius : -1;
        return new DeviceReading((long)memory.Used, (long)memory.Free, busy, temperature);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MemoryInfo
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Utilization
    {
        public uint Gpu;
        public uint Memory;
    }
}

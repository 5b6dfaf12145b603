using ILGPU;
using ILGPU.Runtime.Cuda;

namespace Cluster.Grains.Vision.Devices;

/// <summary>
/// The CUDA devices this machine has, found through ILGPU. A machine without the CUDA driver has none; ILGPU's CPU
/// accelerator is a slow simulator and is never offered as a device.
/// </summary>
public static class CudaDevices
{
    public static IReadOnlyList<VisionDevice> Discover()
    {
        try
        {
            using var context = Context.Create(builder => builder.Cuda());
            var found = new List<VisionDevice>();
            var devices = context.GetCudaDevices();
            for (var i = 0; i < devices.Count; i++)
                found.Add(VisionDevice.Cuda(i, devices[i].Name, devices[i].MemorySize));
            return found;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException or NotSupportedException)
        {
            // No driver or an unusable one: this machine serves the CPU device only.
            return [];
        }
    }
}

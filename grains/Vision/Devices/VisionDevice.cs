namespace Cluster.Grains.Vision.Devices;

/// <summary>
/// A device a gpu silo runs models on: a CUDA GPU found through ILGPU, or the CPU with a configured budget.
/// <paramref name="Ordinal"/> is the CUDA device index (also NVML's and ONNX Runtime's); -1 for the CPU.
/// </summary>
public sealed record VisionDevice(string Id, VisionDeviceKind Kind, string Name, long TotalBytes, int Ordinal)
{
    public static VisionDevice Cpu(string name, long budgetBytes) => new("cpu0", VisionDeviceKind.Cpu, name, budgetBytes, -1);

    public static VisionDevice Cuda(int ordinal, string name, long totalBytes) => new($"cuda{ordinal}", VisionDeviceKind.Cuda, name, totalBytes, ordinal);
}

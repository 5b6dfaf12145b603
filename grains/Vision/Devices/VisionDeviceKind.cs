namespace Cluster.Grains.Vision.Devices;

public enum VisionDeviceKind
{
    Cpu,
    Cuda,
}

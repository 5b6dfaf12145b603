namespace Cluster.Grains.Vision.Devices;

/// <summary>What NVML reports for a CUDA device at one moment; absent where NVML is not installed.</summary>
public readonly record struct DeviceReading(long UsedBytes, long FreeBytes, int UtilisationPercent, int TemperatureCelsius);

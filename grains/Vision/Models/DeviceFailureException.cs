namespace Cluster.Grains.Vision.Models;

/// <summary>The device failed while running a model (a CUDA or ONNX Runtime error): the device is taken out of service.</summary>
public sealed class DeviceFailureException(string deviceId, Exception inner)
    : Exception($"Device {deviceId} failed while running a model: {inner.Message}", inner)
{
    public string DeviceId { get; } = deviceId;
}

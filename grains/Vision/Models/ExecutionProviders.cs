using Cluster.Grains.Vision.Devices;
using Microsoft.ML.OnnxRuntime;

namespace Cluster.Grains.Vision.Models;

/// <summary>
/// Session options per device: the CUDA execution provider for CUDA devices, the CPU provider otherwise. Whether this
/// build of ONNX Runtime carries CUDA is asked at run time, so a CPU build (CI) never tries it.
/// </summary>
public static class ExecutionProviders
{
    public const string Cuda = "CUDAExecutionProvider";
    public const string Cpu = "CPUExecutionProvider";

    public static bool CudaAvailable { get; } = Array.IndexOf(OrtEnv.Instance().GetAvailableProviders(), Cuda) >= 0;

    public static string For(VisionDevice device) => device.Kind == VisionDeviceKind.Cuda ? Cuda : Cpu;

    /// <param name="intraOpThreads">Threads one run may use on the CPU; 0 lets ONNX Runtime use every core.</param>
    public static SessionOptions Options(VisionDevice device, int intraOpThreads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = intraOpThreads,
        };
        if (device.Kind == VisionDeviceKind.Cuda)
        {
            try
            {
                options.AppendExecutionProvider_CUDA(device.Ordinal);
            }
            catch (OnnxRuntimeException e)
            {
                options.Dispose();
                throw new DeviceFailureException(device.Id, e);
            }
        }

        return options;
    }
}

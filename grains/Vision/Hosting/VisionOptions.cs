using Cluster.Grains.Vision.Models;
using Cluster.Grains.Vision.Preprocessing;
using Cluster.Grains.Vision.Queue;

namespace Cluster.Grains.Vision.Hosting;

/// <summary>What a gpu silo serves vision with: configuration section "Vision" (env: Vision__…), validated at start-up.</summary>
public sealed class VisionOptions
{
    public const string Section = "Vision";

    /// <summary>Memory the CPU device's books may hand out when the silo has no CUDA device (or UseCuda is off).</summary>
    public int CpuBudgetMegabytes { get; set; } = 4096;

    /// <summary>Held back from every device's budget for what the books do not see (workspaces, fragmentation).</summary>
    public int ReserveMegabytes { get; set; } = 512;

    /// <summary>Serve CUDA devices when there are any and ONNX Runtime was built with CUDA (-p:VisionCuda=true).</summary>
    public bool UseCuda { get; set; } = true;

    /// <summary>Threads one ONNX Runtime run may use on the CPU; 0 lets it use every core.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Resident models unused this long (neither pinned nor in use) are unloaded.</summary>
    public int IdleUnloadMinutes { get; set; } = 10;

    public BatchingOptions Batching { get; set; } = new();

    public JobQueueOptions Queue { get; set; } = new();

    public DecodingOptions Decoding { get; set; } = new();

    /// <summary>Models registered by path, beside the built-in resnet18.</summary>
    public List<ModelRegistration> Models { get; set; } = [];

    public long ReserveBytes => ReserveMegabytes * 1024L * 1024L;

    public void Validate()
    {
        if (CpuBudgetMegabytes is < 256 or > 1_048_576)
            throw new VisionOptionsException($"{Section}:CpuBudgetMegabytes", $"must be between 256 and 1048576; got {CpuBudgetMegabytes}.");
        if (ReserveMegabytes < 0 || ReserveMegabytes >= CpuBudgetMegabytes)
            throw new VisionOptionsException($"{Section}:ReserveMegabytes", $"must be at least 0 and below CpuBudgetMegabytes ({CpuBudgetMegabytes}); got {ReserveMegabytes}.");
        if (IntraOpThreads is < 0 or > 1024)
            throw new VisionOptionsException($"{Section}:IntraOpThreads", $"must be between 0 (all cores) and 1024; got {IntraOpThreads}.");
        if (IdleUnloadMinutes is < 1 or > 10_080)
            throw new VisionOptionsException($"{Section}:IdleUnloadMinutes", $"must be between 1 and 10080; got {IdleUnloadMinutes}.");
        Batching.Validate($"{Section}:Batching");
        Queue.Validate($"{Section}:Queue");
        Decoding.Validate($"{Section}:Decoding");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Models.Count; i++)
        {
            Models[i].Validate($"{Section}:Models:{i}");
            if (!names.Add(Models[i].Name))
                throw new VisionOptionsException($"{Section}:Models:{i}:Name", $"'{Models[i].Name}' is registered twice.");
        }
    }
}

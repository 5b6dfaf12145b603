using Cluster.Runtime;
using Cluster.Runtime.Hosting;

namespace Cluster.Tests.Runtime.Grains;

public interface IWhereGrain : IGrainWithStringKey
{
    /// <summary>The id of the silo this activation runs on.</summary>
    Task<string> SiloAsync();
}

public sealed class WhereGrain(SiloOptions silo) : Grain, IWhereGrain
{
    public Task<string> SiloAsync() => Task.FromResult(silo.SiloId);
}

public interface IGpuGrain : IGrainWithStringKey
{
    Task<string> SiloAsync();
}

[SiloRole("gpu")]
public sealed class GpuGrain(SiloOptions silo) : Grain, IGpuGrain
{
    public Task<string> SiloAsync() => Task.FromResult(silo.SiloId);
}

public interface IWhereWorkerGrain : IGrainWithIntegerKey
{
    Task<string> SiloAsync();
}

[StatelessWorker]
public sealed class WhereWorkerGrain(SiloOptions silo) : Grain, IWhereWorkerGrain
{
    public Task<string> SiloAsync() => Task.FromResult(silo.SiloId);
}

using Cluster.Runtime;

namespace Cluster.Tests.Runtime.Grains;

public interface IWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Holds the activation busy for a while and returns the activation's id.</summary>
    Task<Guid> WorkAsync(int ms);
}

[StatelessWorker(2)]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    public async Task<Guid> WorkAsync(int ms)
    {
        await Task.Delay(ms);
        return _activation;
    }
}

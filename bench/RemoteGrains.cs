using Cluster.Bench.Grains;
using Orleans;

namespace Cluster.Bench;

/// <summary>References, held by the first silo, to <see cref="RemoteEchoGrain"/>s, which live only on silos with the remote role.</summary>
internal static class RemoteGrains
{
    public static IRemoteEchoGrain[] Of(BenchCluster cluster, int count)
    {
        var factory = cluster.Silos[0].GrainFactory;
        var grains = new IRemoteEchoGrain[count];
        for (var i = 0; i < count; i++)
            grains[i] = factory.GetGrain<IRemoteEchoGrain>(i);
        return grains;
    }

    /// <summary>Fails unless every activation of the remote grain type is on <paramref name="home"/>.</summary>
    public static async Task RequireOnlyOnAsync(BenchCluster cluster, BenchSilo home)
    {
        foreach (var (silo, activations) in await cluster.ActivationsAsync(nameof(RemoteEchoGrain)))
        {
            if (silo != home.Name && activations > 0)
                throw new InvalidOperationException($"{activations} remote grains live on {silo}, not on {home.Name}.");
            if (silo == home.Name && activations == 0)
                throw new InvalidOperationException($"No remote grain lives on {home.Name}.");
        }
    }
}

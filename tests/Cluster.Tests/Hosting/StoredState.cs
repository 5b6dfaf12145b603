using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Cluster.Tests.Hosting;

/// <summary>Reads what a grain storage holds, from inside a silo, the way the grain's next activation would.</summary>
public static class StoredState
{
    public static async Task<GrainState<T>> ReadAsync<T>(TestCluster cluster, string storageName, string grainType, string key, string stateName)
    {
        var storage = cluster.GetSiloServiceProvider(cluster.Primary!.SiloAddress).GetRequiredKeyedService<IGrainStorage>(storageName);
        var state = new GrainState<T>();
        await storage.ReadStateAsync(stateName, GrainId.Create(grainType, key), state);
        return state;
    }
}

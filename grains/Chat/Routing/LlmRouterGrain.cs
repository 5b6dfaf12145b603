using Cluster.GrainInterfaces.Chat;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Chat.Routing;

/// <summary>Reads the local silo's router; a stateless worker, so it is always served where it is called.</summary>
[StatelessWorker]
[GrainType("llm-router")]
public sealed class LlmRouterGrain(LlmRouter router) : Grain, ILlmRouterGrain
{
    public Task<IReadOnlyList<LlmBackendView>> GetBackendsAsync()
    {
        var views = new LlmBackendView[router.Backends.Count];
        for (var i = 0; i < views.Length; i++)
            views[i] = router.Backends[i].View();
        return Task.FromResult<IReadOnlyList<LlmBackendView>>(views);
    }
}

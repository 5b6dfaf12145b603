using Orleans;
using Orleans.Concurrency;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>The model router of the silo that serves the call: its backends with their load, health and circuits.</summary>
[Alias("Chat.ILlmRouterGrain")]
public interface ILlmRouterGrain : IGrainWithIntegerKey
{
    [Alias("GetBackendsAsync")]
    [ReadOnly]
    Task<IReadOnlyList<LlmBackendView>> GetBackendsAsync();
}

using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// Computes a sampler's suggestion, a pure function of the request. A stateless worker (use key 0), so the CPU work
/// runs beside the study that asked rather than inside its turn.
/// </summary>
[Alias("Compute.Optimization.ISuggestionGrain")]
public interface ISuggestionGrain : IGrainWithIntegerKey
{
    [Alias("SuggestAsync")]
    Task<Suggestion> SuggestAsync(SuggestionRequest suggestionRequest);
}

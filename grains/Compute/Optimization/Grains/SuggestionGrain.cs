using Cluster.GrainInterfaces.Compute.Optimization;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Compute.Optimization;

[GrainType("suggestion")]
[StatelessWorker]
public sealed class SuggestionGrain : Grain, ISuggestionGrain
{
    public Task<Suggestion> SuggestAsync(SuggestionRequest suggestionRequest) => Task.FromResult(Sampler.Suggest(suggestionRequest));
}

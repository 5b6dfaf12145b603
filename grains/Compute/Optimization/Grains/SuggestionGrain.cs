using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Runtime;

namespace Cluster.Grains.Compute.Optimization;

[StatelessWorker]
public sealed class SuggestionGrain : Grain, ISuggestionGrain
{
    public Task<Suggestion> SuggestAsync(SuggestionRequest suggestionRequest) => Task.FromResult(Sampler.Suggest(suggestionRequest));
}

using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Compute.SearchService;

/// <summary>
/// Runs one worker of a root-parallel game search, each on its own thread. Up to <see cref="SearchLimits.MaxWorkers"/>
/// activations per silo, so one search's workers run side by side (as the engine's threads do) and concurrent
/// searches share the cores instead of waiting for each other; further calls queue, and the shared deadline keeps a
/// time-limited search from overrunning while they wait.
/// </summary>
[GrainType("search-worker")]
[StatelessWorker(SearchLimits.MaxWorkers)]
public sealed class SearchWorkerGrain : Grain, ISearchWorkerGrain
{
    public Task<SearchResult> SearchAsync(GameSearchRequest searchRequest, int workerIndex, DateTimeOffset? deadline, CancellationToken cancellation)
    {
        var admitted = SearchLimits.Admit(searchRequest);
        if (deadline is { } end && admitted.TimeLimitMs is { } limit)
        {
            // At least 1 ms, the smallest budget the engine takes: a worker that starts late ends at once.
            var remaining = (int)Math.Ceiling((end - DateTimeOffset.UtcNow).TotalMilliseconds);
            admitted = admitted with { TimeLimitMs = Math.Clamp(remaining, 1, limit) };
        }

        return DedicatedThread.Run(() => GameSearch.RunWorker(admitted, workerIndex, cancellation));
    }
}

using System.Diagnostics;
using Cluster.GrainInterfaces.Compute;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Compute.SearchService;

/// <summary>
/// Coordinates a search: admits the request (<see cref="SearchLimits"/>), sends one <see cref="ISearchWorkerGrain"/>
/// call per worker in parallel and merges the trees' root statistics in worker order, exactly as the engine merges
/// its threads, so a seeded iteration-budget search gives the engine's result. Reentrant: it only waits on workers.
/// </summary>
[GrainType("game-search")]
[StatelessWorker]
[Reentrant]
public sealed class GameSearchGrain : Grain, IGameSearchGrain
{
    public async Task<SearchResult> SearchAsync(GameSearchRequest searchRequest, CancellationToken cancellation)
    {
        var admitted = SearchLimits.Admit(searchRequest);
        var started = Stopwatch.GetTimestamp();
        DateTimeOffset? deadline = admitted.TimeLimitMs is { } ms ? DateTimeOffset.UtcNow.AddMilliseconds(ms) : null;
        var worker = GrainFactory.GetGrain<ISearchWorkerGrain>(0);
        var parts = new Task<SearchResult>[admitted.Workers ?? 1];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = worker.SearchAsync(admitted, i, deadline, cancellation);
        }

        var merged = SearchResult.Merge(await Task.WhenAll(parts));
        return merged with { ElapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
    }
}

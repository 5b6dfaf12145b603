using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>One tree of a root-parallel game search. A stateless worker: use key 0.</summary>
[Alias("Compute.ISearchWorkerGrain")]
public interface ISearchWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Runs worker <paramref name="workerIndex"/> (0 … workers − 1) of <paramref name="searchRequest"/>: its share of the
    /// iterations with its derived seed. A time-limited search also stops at <paramref name="deadline"/>, the moment the
    /// whole search must end, so a worker that waited for a free thread does not overrun it.
    /// </summary>
    [Alias("SearchAsync")]
    Task<SearchResult> SearchAsync(GameSearchRequest searchRequest, int workerIndex, DateTimeOffset? deadline, CancellationToken cancellation);
}

using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// Runs a game search for anyone in the cluster: spreads the request's root-parallel workers over
/// <see cref="ISearchWorkerGrain"/> calls and merges them. A stateless worker: use key 0.
/// </summary>
[Alias("Compute.IGameSearchGrain")]
public interface IGameSearchGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Searches <paramref name="searchRequest"/> within the service limits (see the grain class). With a seed and an iteration
    /// budget the result equals the engine's single-process search of the same request, apart from the elapsed time.
    /// </summary>
    [Alias("SearchAsync")]
    Task<SearchResult> SearchAsync(GameSearchRequest searchRequest, CancellationToken cancellation);
}

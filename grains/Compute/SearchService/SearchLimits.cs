using System.Globalization;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;

namespace Cluster.Grains.Compute.SearchService;

/// <summary>
/// What the search service accepts, on top of the engine's own rules. A search tree adds at most one 32-byte node
/// per iteration, so the iteration cap bounds a search's trees at 64 MB (about 100 MB for a moment while a tree's
/// array doubles); time-limited searches stop at the cap too. Workers beyond a silo's cores add trees, not speed,
/// so they are capped as well.
/// </summary>
public static class SearchLimits
{
    /// <summary>Most root-parallel workers per search.</summary>
    public const int MaxWorkers = 16;

    /// <summary>Most iterations per search, over all workers.</summary>
    public const int MaxIterations = 2_000_000;

    /// <summary>
    /// Validates <paramref name="request"/> (every engine rule, a finished or illegal position included, and the
    /// limits above) and returns it as it will run: a time-limited search without an iteration budget gets
    /// <see cref="MaxIterations"/>.
    /// </summary>
    /// <exception cref="SearchValidationException">The first invalid field.</exception>
    public static GameSearchRequest Admit(GameSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The service's limits are checked before the engine's wider ones, so each field has one range in every answer.
        if (request.Workers is < 1 or > MaxWorkers)
        {
            throw new SearchValidationException("workers", $"workers must be between 1 and {MaxWorkers}; got {request.Workers}.");
        }

        if (request.Iterations is < 1 or > MaxIterations)
        {
            throw new SearchValidationException("iterations", $"iterations must be between 1 and {MaxIterations.ToString("N0", CultureInfo.InvariantCulture)}; got {request.Iterations?.ToString(CultureInfo.InvariantCulture)}.");
        }

        GameSearch.Validate(request);
        return request.Iterations is null && request.TimeLimitMs is not null ? request with { Iterations = MaxIterations } : request;
    }
}

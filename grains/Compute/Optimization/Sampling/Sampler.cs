using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// The stateless entry point a worker calls: a pure function of its request (same request, same suggestion).
/// </summary>
public static class Sampler
{
    public static Suggestion Suggest(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Space);
        ArgumentNullException.ThrowIfNull(request.Objectives);
        ArgumentNullException.ThrowIfNull(request.Completed);
        ArgumentNullException.ThrowIfNull(request.Pending);
        foreach (var trial in request.Completed)
        {
            if (trial.Values.Count != request.Objectives.Count)
                throw new ArgumentException($"Completed trial {trial.Id} has {trial.Values.Count} values for {request.Objectives.Count} objectives.", nameof(request));
        }
        var random = SeedSequence.Random(request.Seed);
        return request.Sampler switch
        {
            SamplerKind.GaussianProcess => BayesianSampler.Suggest(request, random),
            SamplerKind.Thompson when request.Space.IsCategoricalOnly => new Suggestion(
                ThompsonSampler.Suggest(request, Running(request), random), null),
            SamplerKind.Thompson => throw new ArgumentException("Thompson sampling needs an all-categorical space.", nameof(request)),
            SamplerKind.Random => new Suggestion(RandomSampler.Suggest(request.Space, Running(request), random), request.WarmStart),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Sampler, "Unknown sampler."),
        };
    }

    /// <summary>The same as <see cref="Suggest(SuggestionRequest)"/> with the request spelled out.</summary>
    public static Suggestion Suggest(SearchSpace space, IReadOnlyList<Objective> objectives, IReadOnlyList<Trial> completed,
        IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> pending, SamplerKind sampler, long seed,
        GaussianProcessHyperparameters? warmStart = null) =>
        Suggest(new SuggestionRequest(space, objectives, completed, pending, sampler, seed, warmStart));

    private static TakenPoints Running(SuggestionRequest request) => TakenPoints.Encode(request.Space, [], request.Pending);
}

using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// The body of <c>POST …/trials/{trialId}/tell</c>: <c>{values: [...]}</c> for a completed trial (one value per
/// objective, in objective order), or <c>{state: "failed"}</c> / <c>{state: "pruned"}</c> without values.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.TrialReport")]
[Immutable]
public sealed record TrialReport(IReadOnlyList<double>? Values = null, string? State = null)
{
    public static TrialReport Completed(params double[] values) => new(values);

    public static TrialReport Failed() => new(null, "failed");

    public static TrialReport Pruned() => new(null, "pruned");

    /// <summary>The state the report finishes its trial in, for a study with <paramref name="objectiveCount"/> objectives.</summary>
    /// <exception cref="StudyValidationException">naming <c>values</c>, <c>values[i]</c> or <c>state</c>.</exception>
    public TrialState Validate(int objectiveCount)
    {
        var state = State switch
        {
            null or "complete" => TrialState.Complete,
            "failed" => TrialState.Failed,
            "pruned" => TrialState.Pruned,
            _ => throw new StudyValidationException("state", $"'{State}' is not one of complete, failed, pruned."),
        };
        if (state != TrialState.Complete)
        {
            if (Values is { Count: > 0 })
                throw new StudyValidationException("values", $"a {State} trial reports no values.");
            return state;
        }
        if (Values is null)
            throw new StudyValidationException("values", "a completed trial needs one value per objective (or state: failed).");
        if (Values.Count != objectiveCount)
            throw new StudyValidationException("values", $"expected {objectiveCount} value(s), one per objective, got {Values.Count}.");
        for (var i = 0; i < Values.Count; i++)
        {
            if (!double.IsFinite(Values[i]))
                throw new StudyValidationException($"values[{i}]", "must be a finite number.");
        }
        return state;
    }
}

using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>A result was reported for a trial that is no longer running; its first result stands.</summary>
[GenerateSerializer]
[Alias("Compute.Optimization.TrialAlreadyFinishedException")]
public sealed class TrialAlreadyFinishedException : ConflictException
{
    public TrialAlreadyFinishedException(int trialId, TrialState state)
        : base($"Trial {trialId} is already {state.ToString().ToLowerInvariant()}; only a running trial takes a result.")
    {
        TrialId = trialId;
        State = state;
    }

    [Id(0)]
    public int TrialId { get; }

    [Id(1)]
    public TrialState State { get; }
}

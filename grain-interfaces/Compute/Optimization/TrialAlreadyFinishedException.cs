using Cluster.Runtime;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>A result was reported for a trial that is no longer running; its first result stands.</summary>
public sealed class TrialAlreadyFinishedException : ConflictException
{
    public TrialAlreadyFinishedException(int trialId, TrialState state)
        : base($"Trial {trialId} is already {state.ToString().ToLowerInvariant()}; only a running trial takes a result.")
    {
        TrialId = trialId;
        State = state;
    }

    public int TrialId { get; }

    public TrialState State { get; }
}

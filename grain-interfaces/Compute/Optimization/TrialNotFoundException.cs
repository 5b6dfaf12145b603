namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>The study has no trial with this id (a missing resource: HTTP 404).</summary>
public sealed class TrialNotFoundException : KeyNotFoundException
{
    public TrialNotFoundException(int trialId)
        : base($"This study has no trial {trialId}.")
    {
        TrialId = trialId;
    }

    public int TrialId { get; }
}

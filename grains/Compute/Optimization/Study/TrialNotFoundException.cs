namespace Cluster.Grains.Compute.Optimization;

/// <summary>The study has no trial with this id.</summary>
public sealed class TrialNotFoundException : Exception
{
    public TrialNotFoundException(int trialId)
        : base($"This study has no trial {trialId}.")
    {
        TrialId = trialId;
    }

    public int TrialId { get; }
}

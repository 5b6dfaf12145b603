using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>The study has no trial with this id (a missing resource: HTTP 404).</summary>
[GenerateSerializer]
[Alias("Compute.Optimization.TrialNotFoundException")]
public sealed class TrialNotFoundException : KeyNotFoundException
{
    public TrialNotFoundException(int trialId)
        : base($"This study has no trial {trialId}.")
    {
        TrialId = trialId;
    }

    [Id(0)]
    public int TrialId { get; }
}

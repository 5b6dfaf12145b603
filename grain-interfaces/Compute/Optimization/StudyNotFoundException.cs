using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>No study has this id (a missing resource: HTTP 404).</summary>
[GenerateSerializer]
[Alias("Compute.Optimization.StudyNotFoundException")]
public sealed class StudyNotFoundException : KeyNotFoundException
{
    public StudyNotFoundException(string studyId)
        : base($"There is no study '{studyId}'.")
    {
        StudyId = studyId;
    }

    [Id(0)]
    public string StudyId { get; }
}

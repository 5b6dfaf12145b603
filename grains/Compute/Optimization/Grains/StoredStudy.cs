namespace Cluster.Grains.Compute.Optimization;

/// <summary>A study grain's persistent state: the study, or null while no study has this id.</summary>
public sealed class StoredStudy
{
    public StudyState? Study { get; set; }
}

namespace Cluster.Grains.Compute.Optimization;

/// <summary>The persistent state of a <see cref="StudyNameIndexGrain"/>: study ids, oldest first.</summary>
public sealed class StudyNameIndex
{
    public List<string> StudyIds { get; set; } = [];
}

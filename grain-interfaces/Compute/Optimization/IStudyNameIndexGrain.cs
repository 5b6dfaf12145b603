using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// The ids of the studies created with one name; the key is the name. This is how a study is linked to a task type
/// of the execution analytics: a study named like the task type backs its recommendation.
/// </summary>
[Alias("Compute.Optimization.IStudyNameIndexGrain")]
public interface IStudyNameIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds a study id (once; adding it again changes nothing).</summary>
    [Alias("AddAsync")]
    Task AddAsync(string studyId);

    /// <summary>The study ids in the order they were added, oldest first.</summary>
    [Alias("GetStudyIdsAsync")]
    Task<IReadOnlyList<string>> GetStudyIdsAsync();
}

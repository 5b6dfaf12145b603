using Cluster.GrainInterfaces.Compute.Optimization;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Grains.Compute.Optimization;

[GrainType("study-name-index")]
public sealed class StudyNameIndexGrain([PersistentState("index", GrainStorageNames.StudyNames)] IPersistentState<StudyNameIndex> index)
    : Grain, IStudyNameIndexGrain
{
    public async Task AddAsync(string studyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var ids = index.State.StudyIds;
        if (ids.Contains(studyId))
            return;
        ids.Add(studyId);
        try
        {
            await index.WriteStateAsync();
        }
        catch
        {
            ids.RemoveAt(ids.Count - 1);
            throw;
        }
    }

    public Task<IReadOnlyList<string>> GetStudyIdsAsync() => Task.FromResult<IReadOnlyList<string>>(index.State.StudyIds);
}

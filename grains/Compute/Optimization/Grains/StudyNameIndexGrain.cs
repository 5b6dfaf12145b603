using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Runtime;

namespace Cluster.Grains.Compute.Optimization;

public sealed class StudyNameIndexGrain([PersistentState("index", "studyNames")] IPersistentState<StudyNameIndex> index)
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

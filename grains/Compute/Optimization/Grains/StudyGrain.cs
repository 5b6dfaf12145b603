using Cluster.GrainInterfaces.Compute.Optimization;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// Owns one study. Reentrant, so that tells and views go on while a suggestion is computed on a
/// <see cref="ISuggestionGrain"/> worker; two gates keep the interleaving safe:
/// asks pass one at a time, and the running trial is added in the same stored write that keeps its suggestion, so
/// the next ask's request lists it as pending and its trial id is the next one; writes pass one at a time, so
/// interleaved turns never race on the ETag, and a failed write puts the previous state back.
/// </summary>
[GrainType("study")]
[Reentrant]
public sealed class StudyGrain([PersistentState("study", GrainStorageNames.Studies)] IPersistentState<StoredStudy> study) : Grain, IStudyGrain
{
    private readonly SemaphoreSlim _asking = new(1, 1);
    private readonly SemaphoreSlim _writing = new(1, 1);

    public async Task CreateAsync(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var created = Study.Create(spec, Random.Shared.NextInt64());
        if (study.State.Study is not null)
            throw AlreadyExists();
        // Listed first: a listed id whose study was never stored is skipped by readers, an unlisted study is lost to them.
        await GrainFactory.GetGrain<IStudyNameIndexGrain>(created.Name).AddAsync(this.GetPrimaryKeyString());
        await ChangeAsync(current => current is null ? (created, true) : throw AlreadyExists());
    }

    public async Task<Trial> AskAsync()
    {
        await _asking.WaitAsync();
        try
        {
            var request = Study.NextSuggestionRequest(Current());
            var suggestion = await GrainFactory.GetGrain<ISuggestionGrain>(0).SuggestAsync(request);
            return await ChangeAsync(current => Study.Start(Required(current), suggestion));
        }
        finally
        {
            _asking.Release();
        }
    }

    public Task<Trial> TellAsync(int trialId, TrialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ChangeAsync(current =>
        {
            var next = Study.Tell(Required(current), trialId, report);
            return (next, next.Trials[trialId]);
        });
    }

    public Task<StudyView> GetViewAsync() => Task.FromResult(Study.View(Current()));

    public Task<Trial?> GetBestTrialAsync() => Task.FromResult(Study.Best(Current()));

    private StudyState Current() => Required(study.State.Study);

    private StudyState Required(StudyState? state) => state ?? throw new StudyNotFoundException(this.GetPrimaryKeyString());

    private InvalidOperationException AlreadyExists() => new($"Study '{this.GetPrimaryKeyString()}' exists already.");

    /// <summary>Applies <paramref name="change"/> to the current state and stores the result before returning.</summary>
    private async Task<T> ChangeAsync<T>(Func<StudyState?, (StudyState Next, T Result)> change)
    {
        await _writing.WaitAsync();
        try
        {
            var previous = study.State.Study;
            var (next, result) = change(previous);
            study.State.Study = next;
            try
            {
                await study.WriteStateAsync();
            }
            catch (Exception e)
            {
                study.State.Study = previous;
                // Someone else stored a newer study: this activation is outdated; the next call reads the stored one.
                if (e is InconsistentStateException)
                    DeactivateOnIdle();
                throw;
            }
            return result;
        }
        finally
        {
            _writing.Release();
        }
    }
}

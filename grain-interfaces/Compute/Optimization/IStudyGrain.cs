using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// One optimisation study; the key is the study id. Asks are served one after another, so every suggestion knows the
/// trials still running and concurrent asks get distinct trials; tells and views are answered while a suggestion is
/// being computed. Every change is stored before it is acknowledged.
/// </summary>
[Alias("Compute.Optimization.IStudyGrain")]
public interface IStudyGrain : IGrainWithStringKey
{
    /// <summary>Creates the study and lists it under its name (see <see cref="IStudyNameIndexGrain"/>).</summary>
    /// <exception cref="StudyValidationException">the spec is invalid; nothing was created.</exception>
    /// <exception cref="InvalidOperationException">a study with this id exists already.</exception>
    [Alias("CreateAsync")]
    Task CreateAsync(StudySpec spec);

    /// <summary>Suggests the next trial and records it as running.</summary>
    /// <exception cref="StudyNotFoundException">no study has this id.</exception>
    [Alias("AskAsync")]
    Task<Trial> AskAsync();

    /// <summary>Records the result of a running trial and returns the finished trial.</summary>
    /// <exception cref="StudyNotFoundException">no study has this id.</exception>
    /// <exception cref="TrialNotFoundException">the study has no such trial.</exception>
    /// <exception cref="TrialAlreadyFinishedException">the trial already has a result.</exception>
    /// <exception cref="StudyValidationException">the report does not fit the study; nothing changed.</exception>
    [Alias("TellAsync")]
    Task<Trial> TellAsync(int trialId, TrialReport report);

    /// <exception cref="StudyNotFoundException">no study has this id.</exception>
    [Alias("GetViewAsync")]
    Task<StudyView> GetViewAsync();

    /// <summary>The best completed trial of a single-objective study; null before one completes and for multi-objective studies.</summary>
    /// <exception cref="StudyNotFoundException">no study has this id.</exception>
    [Alias("GetBestTrialAsync")]
    Task<Trial?> GetBestTrialAsync();
}

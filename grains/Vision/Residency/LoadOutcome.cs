namespace Cluster.Grains.Vision.Residency;

/// <summary>What the books decided about a request to have a model on the device.</summary>
public enum LoadOutcome
{
    /// <summary>Committed: unload <see cref="LoadDecision.Evicted"/> first, then load, then call CompleteLoad or FailLoad.</summary>
    Admitted,

    /// <summary>Already on the device: nothing to do.</summary>
    AlreadyResident,

    /// <summary>Another request's load is running: wait for it rather than load again.</summary>
    AlreadyLoading,

    /// <summary>Does not fit beside pinned and in-use models now: admitted later, when a release frees memory.</summary>
    Waiting,

    /// <summary>Can never fit (larger than the device's capacity beside pinned models): <see cref="LoadDecision.Reason"/> says why.</summary>
    Refused,
}

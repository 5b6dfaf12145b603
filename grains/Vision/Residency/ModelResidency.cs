namespace Cluster.Grains.Vision.Residency;

/// <summary>One catalogued model's line in the books. Only <see cref="ResidencyBook"/> changes it.</summary>
public sealed class ModelResidency
{
    internal ModelResidency(ModelSpec spec, DateTimeOffset now)
    {
        Name = spec.Name;
        Bytes = spec.Bytes;
        Priority = spec.Priority;
        Pinned = spec.Pinned;
        LastUsed = now;
    }

    public string Name { get; }

    /// <summary>Footprint in bytes: the catalogue's estimate until a load measures it, then the measured figure.</summary>
    public long Bytes { get; internal set; }

    public VisionPriority Priority { get; internal set; }

    public bool Pinned { get; internal set; }

    public ResidencyState State { get; internal set; }

    /// <summary>Jobs running on the model now; a model in use is never evicted or unloaded.</summary>
    public int InUse { get; internal set; }

    public DateTimeOffset LastUsed { get; internal set; }

    /// <summary>Bytes this model holds in the books now: its footprint while loading or resident, else 0.</summary>
    public long CommittedBytes => State is ResidencyState.Loading or ResidencyState.Resident ? Bytes : 0;

    /// <summary>The answers that commit nothing, made once per model so that asking for a resident model allocates nothing.</summary>
    internal LoadDecision AlreadyResident => field ??= new LoadDecision(Name, LoadOutcome.AlreadyResident);

    internal LoadDecision AlreadyLoading => field ??= new LoadDecision(Name, LoadOutcome.AlreadyLoading);

    internal LoadDecision Waiting => field ??= new LoadDecision(Name, LoadOutcome.Waiting);

    /// <summary>Whether the books may unload it to make room: resident, idle and not pinned.</summary>
    public bool Evictable => State == ResidencyState.Resident && InUse == 0 && !Pinned;
}

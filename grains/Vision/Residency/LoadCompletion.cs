namespace Cluster.Grains.Vision.Residency;

/// <summary>What the books did when a load finished with its measured footprint.</summary>
public sealed class LoadCompletion
{
    internal LoadCompletion(bool kept, string[] evicted, IReadOnlyList<LoadDecision> admitted, string? reason)
    {
        Kept = kept;
        Evicted = evicted;
        Admitted = admitted;
        Reason = reason;
    }

    /// <summary>
    /// False when the measured footprint does not fit even after evicting: the model is off the books and the caller
    /// must unload it and fail its waiters with <see cref="Reason"/>.
    /// </summary>
    public bool Kept { get; }

    /// <summary>Models evicted to make room for a footprint measured above its estimate.</summary>
    public IReadOnlyList<string> Evicted { get; }

    /// <summary>Waiting loads admitted because the measured footprint came in under its estimate (or the load was dropped).</summary>
    public IReadOnlyList<LoadDecision> Admitted { get; }

    public string? Reason { get; }
}

namespace Cluster.Grains.Vision.Residency;

/// <summary>The books' answer to a load request, and the evictions the caller must carry out before loading.</summary>
public sealed class LoadDecision
{
    private static readonly string[] NoEvictions = [];

    internal LoadDecision(string model, LoadOutcome outcome, string[]? evicted = null, string? reason = null)
    {
        Model = model;
        Outcome = outcome;
        Evicted = evicted ?? NoEvictions;
        Reason = reason;
    }

    public string Model { get; }

    public LoadOutcome Outcome { get; }

    /// <summary>Models the books already took off (idle, unpinned): the caller unloads them before it loads.</summary>
    public IReadOnlyList<string> Evicted { get; }

    /// <summary>Why a request was refused, in words a client can act on; null otherwise.</summary>
    public string? Reason { get; }

    public override string ToString() => Evicted.Count == 0
        ? $"{Model}: {Outcome}"
        : $"{Model}: {Outcome} after evicting {string.Join(", ", Evicted)}";
}

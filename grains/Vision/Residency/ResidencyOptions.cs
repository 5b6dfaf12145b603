namespace Cluster.Grains.Vision.Residency;

/// <summary>One device's memory books: what it may hold and when idle models go.</summary>
public sealed class ResidencyOptions
{
    /// <summary>Device memory the books may hand out, in bytes.</summary>
    public long BudgetBytes { get; set; }

    /// <summary>
    /// Held back from <see cref="BudgetBytes"/> for what the books do not see (runtime workspaces, fragmentation, a
    /// footprint measured above its estimate). Committed bytes never exceed budget minus reserve.
    /// </summary>
    public long ReserveBytes { get; set; }

    /// <summary>A resident model unused for this long, neither pinned nor in use, is reported for unloading.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public long CapacityBytes => BudgetBytes - ReserveBytes;

    /// <summary>Throws <see cref="VisionOptionsException"/> naming the first setting out of range.</summary>
    public void Validate(string section)
    {
        if (BudgetBytes <= 0)
            throw new VisionOptionsException($"{section}:BudgetBytes", $"must be positive; got {BudgetBytes}.");
        if (ReserveBytes < 0 || ReserveBytes >= BudgetBytes)
            throw new VisionOptionsException($"{section}:ReserveBytes", $"must be at least 0 and below BudgetBytes ({BudgetBytes}); got {ReserveBytes}.");
        if (IdleTimeout <= TimeSpan.Zero)
            throw new VisionOptionsException($"{section}:IdleTimeout", $"must be positive; got {IdleTimeout}.");
    }
}

namespace Cluster.Grains.Vision.Queue;

/// <summary>How a device's job queue orders, ages, times out and bounds its jobs.</summary>
public sealed class JobQueueOptions
{
    /// <summary>
    /// A waiting job's effective priority improves by one number per interval (down to critical, 1): with the default
    /// 2 s a background job (10) ranks with fresh critical work after 18 s and, being older, goes first.
    /// </summary>
    public TimeSpan AgingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a job may wait; a job's deadline is the earlier of its own and enqueue time plus this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Jobs the queue holds at most; more are refused rather than held without bound.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>Relative shares per tenant within a priority (deficit round robin quanta); unlisted tenants get 1.</summary>
    public Dictionary<string, int> TenantShares { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="VisionOptionsException"/> naming the first setting out of range.</summary>
    public void Validate(string section)
    {
        if (AgingInterval <= TimeSpan.Zero)
            throw new VisionOptionsException($"{section}:AgingInterval", $"must be positive; got {AgingInterval}.");
        if (Timeout <= TimeSpan.Zero)
            throw new VisionOptionsException($"{section}:Timeout", $"must be positive; got {Timeout}.");
        if (Capacity <= 0)
            throw new VisionOptionsException($"{section}:Capacity", $"must be positive; got {Capacity}.");
        foreach (var (tenant, share) in TenantShares)
        {
            if (share is < 1 or > 1000)
                throw new VisionOptionsException($"{section}:TenantShares:{tenant}", $"must be between 1 and 1000; got {share}.");
        }
    }
}

namespace Cluster.Grains.Vision.Queue;

/// <summary>One tenant's jobs at one priority, in arrival order, with its deficit round robin credit.</summary>
internal sealed class TenantLane<T>(string tenant, int share)
{
    public string Tenant { get; } = tenant;

    public int Share { get; } = share;

    public Queue<QueuedJob<T>> Jobs { get; } = new();

    /// <summary>Jobs the lane may still take in its current turn.</summary>
    public int Deficit { get; set; }

    /// <summary>Whether the lane's current turn has been credited its share.</summary>
    public bool InTurn { get; set; }

    /// <summary>Drops jobs cancelled or expired since they were queued; true when a queued job is left.</summary>
    public bool SkipGone()
    {
        while (Jobs.TryPeek(out var head))
        {
            if (head.State == JobState.Queued)
                return true;
            Jobs.Dequeue();
        }

        return false;
    }
}

namespace Cluster.Grains.Vision.Queue;

/// <summary>
/// One job in a vision queue: who asked (tenant), which model it needs, how urgent it is, and by when it must start.
/// <typeparamref name="T"/> is the owner's payload (the image, the reply).
/// </summary>
public sealed class QueuedJob<T>(string id, string tenant, string model, VisionPriority priority, T payload, DateTimeOffset? deadline = null)
{
    public string Id { get; } = id;

    public string Tenant { get; } = tenant;

    public string Model { get; } = model;

    public VisionPriority Priority { get; } = priority;

    public T Payload { get; } = payload;

    /// <summary>The deadline the caller asked for, if any.</summary>
    public DateTimeOffset? RequestedDeadline { get; } = deadline;

    /// <summary>Set on enqueue.</summary>
    public DateTimeOffset EnqueuedAt { get; internal set; }

    /// <summary>The earlier of the requested deadline and enqueue time plus the queue's timeout.</summary>
    public DateTimeOffset Deadline { get; internal set; }

    public JobState State { get; internal set; }

    public bool IsExpired(DateTimeOffset now) => now >= Deadline;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field a queue cannot accept.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id))
            throw new ArgumentException("id: a job needs a non-empty id.", nameof(Id));
        if (string.IsNullOrWhiteSpace(Tenant))
            throw new ArgumentException($"tenant: job '{Id}' needs a non-empty tenant.", nameof(Tenant));
        if (string.IsNullOrWhiteSpace(Model))
            throw new ArgumentException($"model: job '{Id}' needs a non-empty model name.", nameof(Model));
        if (!Enum.IsDefined(Priority))
            throw new ArgumentException($"priority: job '{Id}' has priority {(int)Priority}; use 1, 2, 5, 8 or 10.", nameof(Priority));
    }
}

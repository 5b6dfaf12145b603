namespace Cluster.Runtime;

/// <summary>A timer registered by a grain. Dispose to stop it; it also stops when the activation deactivates.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next fires and its period.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

public readonly record struct GrainTimerCreationOptions
{
    public TimeSpan DueTime { get; init; }

    /// <summary>Time between the end of one callback and the next; <see cref="Timeout.InfiniteTimeSpan"/> fires once.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>Let the callback interleave with requests instead of waiting its turn.</summary>
    public bool Interleave { get; init; }

    /// <summary>Count the timer's turns as activity, so the activation is not collected while the timer runs.</summary>
    public bool KeepAlive { get; init; }
}

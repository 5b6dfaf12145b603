namespace Cluster.Grains.Vision.Queue;

/// <summary>The queue holds its capacity of jobs; the job was not taken and the caller may retry later.</summary>
public sealed class QueueFullException(int capacity)
    : Exception($"The vision queue holds its capacity of {capacity} jobs; retry later.")
{
    public int Capacity { get; } = capacity;
}

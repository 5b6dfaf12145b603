namespace Cluster.Grains.Vision.Queue;

/// <summary>Where a job stands in its queue.</summary>
public enum JobState
{
    /// <summary>Waiting its turn.</summary>
    Queued,

    /// <summary>Handed to a runner (or a batch former) by a dequeue.</summary>
    Dequeued,

    /// <summary>Cancelled by id before it was dequeued.</summary>
    Cancelled,

    /// <summary>Its deadline passed before it was dequeued: it fails with a deadline error and never runs.</summary>
    Expired,
}

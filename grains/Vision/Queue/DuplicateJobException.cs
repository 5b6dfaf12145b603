namespace Cluster.Grains.Vision.Queue;

/// <summary>A job was enqueued under an id the queue already holds.</summary>
public sealed class DuplicateJobException(string id)
    : Exception($"id: a job '{id}' is already queued; use a fresh id for each job.")
{
    public string Id { get; } = id;
}

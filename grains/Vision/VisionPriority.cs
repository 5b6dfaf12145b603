namespace Cluster.Grains.Vision;

/// <summary>
/// How urgent a job or how valuable a resident model is. Lower numbers come first; the numbers are the seeds' scale, so
/// the gaps matter: aging moves a job one number per step (see <see cref="Queue.JobQueueOptions.AgingInterval"/>).
/// </summary>
public enum VisionPriority
{
    Critical = 1,
    High = 2,
    Normal = 5,
    Low = 8,
    Background = 10,
}

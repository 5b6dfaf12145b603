namespace Cluster.Grains.Vision.Residency;

/// <summary>
/// LRU weighted by priority: score = (seconds since last use + 1) × priority number. A background model (10) is
/// evicted before a critical one (1) unless the critical one has been idle about ten times as long; the + 1 keeps a
/// model used this instant ordered by priority too.
/// </summary>
public sealed class PriorityWeightedLru : IEvictionPolicy
{
    public static readonly PriorityWeightedLru Instance = new();

    public double Score(ModelResidency model, DateTimeOffset now) =>
        ((now - model.LastUsed).TotalSeconds + 1) * (int)model.Priority;
}

namespace Cluster.Grains.Vision.Residency;

/// <summary>Least recently used first, priority ignored: the baseline the weighted policy is measured against.</summary>
public sealed class PlainLru : IEvictionPolicy
{
    public static readonly PlainLru Instance = new();

    public double Score(ModelResidency model, DateTimeOffset now) => (now - model.LastUsed).TotalSeconds;
}

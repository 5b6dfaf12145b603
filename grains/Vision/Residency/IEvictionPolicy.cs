namespace Cluster.Grains.Vision.Residency;

/// <summary>Orders evictable models: the books evict the highest score first until the load fits.</summary>
public interface IEvictionPolicy
{
    double Score(ModelResidency model, DateTimeOffset now);
}

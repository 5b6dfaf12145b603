using Cluster.Runtime;

namespace Cluster.GrainInterfaces.Health;

/// <summary>Answers from inside a silo, proving the cluster can activate and run a grain.</summary>
public interface IHealthGrain : IGrainWithIntegerKey
{
    Task<HealthReport> CheckAsync();
}

[Immutable]
public sealed record HealthReport(string SiloId, DateTimeOffset Time);

using Orleans;

namespace Cluster.GrainInterfaces.Health;

/// <summary>Answers from inside a silo, proving the cluster can activate and run a grain.</summary>
[Alias("Health.IHealthGrain")]
public interface IHealthGrain : IGrainWithIntegerKey
{
    [Alias("CheckAsync")]
    Task<HealthReport> CheckAsync();
}

[GenerateSerializer]
[Alias("Health.HealthReport")]
[Immutable]
public sealed record HealthReport(string SiloId, DateTimeOffset Time);

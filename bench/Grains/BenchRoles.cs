namespace Cluster.Bench.Grains;

/// <summary>Silo roles (Cluster:Roles) the bench gives its silos to decide where bench grains live.</summary>
public static class BenchRoles
{
    public const string Remote = "bench-remote";
}

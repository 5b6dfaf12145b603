namespace Cluster.Silo.Hosting;

/// <summary>Grain storage settings: section "Cluster:Storage".</summary>
public sealed class StorageOptions
{
    /// <summary>"Memory" (default) or "PostgreSQL".</summary>
    public string Provider { get; set; } = "Memory";

    /// <summary>Npgsql connection string, required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
}

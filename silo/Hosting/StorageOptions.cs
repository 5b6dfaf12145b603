namespace Cluster.Silo.Hosting;

/// <summary>Grain storage settings: section "Cluster:Storage".</summary>
public sealed class StorageOptions
{
    /// <summary>"Memory" (default) or "PostgreSQL".</summary>
    public string Provider { get; set; } = "Memory";

    /// <summary>Npgsql connection string, required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres =>
        string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase) || string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    internal void Validate()
    {
        if (!IsPostgres && !string.Equals(Provider, "Memory", StringComparison.OrdinalIgnoreCase))
            throw new ClusterConfigurationException($"Cluster:Storage:Provider '{Provider}' is not supported; use Memory or PostgreSQL.");
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
            throw new ClusterConfigurationException("Cluster:Storage:ConnectionString is required when Cluster:Storage:Provider is PostgreSQL.");
    }
}

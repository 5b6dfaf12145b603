namespace Cluster.Grains.Cluster;

/// <summary>The name and roles this silo was started with (Cluster:SiloId, Cluster:Roles).</summary>
public sealed class SiloIdentity(string name, IReadOnlyList<string> roles)
{
    /// <summary>The silo metadata key whose comma-separated value lists the silo's roles.</summary>
    public const string RoleMetadataKey = "role";

    public string Name { get; } = name;

    public IReadOnlyList<string> Roles { get; } = roles;
}

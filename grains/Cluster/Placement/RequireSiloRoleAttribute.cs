using Orleans.Placement;

namespace Cluster.Grains.Cluster;

/// <summary>
/// Grains of this type activate only on silos with the given role (silo metadata <c>role</c>, e.g. <c>gpu</c>).
/// With no such silo up, calls fail with <see cref="GrainInterfaces.NoCompatibleSiloException"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequireSiloRoleAttribute(string role) : PlacementFilterAttribute(new SiloRolePlacementFilterStrategy(role))
{
    public string Role { get; } = role;
}

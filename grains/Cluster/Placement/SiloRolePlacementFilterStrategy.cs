using Orleans.Metadata;
using Orleans.Placement;
using Orleans.Runtime;

namespace Cluster.Grains.Cluster;

/// <summary>
/// Keeps a grain type on silos whose metadata <c>role</c> lists <see cref="Role"/>. The role travels in the grain
/// type's properties, so every silo and client filters the same way.
/// </summary>
public sealed class SiloRolePlacementFilterStrategy(string role) : PlacementFilterStrategy(order: 0)
{
    private const string RoleProperty = "role";

    public SiloRolePlacementFilterStrategy()
        : this(string.Empty)
    {
    }

    public string Role { get; private set; } = role;

    public override void AdditionalInitialize(GrainProperties properties) =>
        Role = GetPlacementFilterGrainProperty(RoleProperty, properties) ?? string.Empty;

    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(
        IServiceProvider services, Type grainClass, GrainType grainType, IReadOnlyDictionary<string, string> existingProperties)
    {
        yield return new KeyValuePair<string, string>(RoleProperty, Role);
    }
}

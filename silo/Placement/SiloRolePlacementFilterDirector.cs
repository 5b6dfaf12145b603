using Cluster.GrainInterfaces;
using Cluster.Grains.Cluster;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Cluster.Silo.Placement;

/// <summary>
/// Keeps the silos whose metadata lists the role a grain type requires. Orleans' own metadata filters compare a
/// silo's metadata with the calling silo's, which cannot express "only on gpu silos".
/// </summary>
internal sealed class SiloRolePlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var role = ((SiloRolePlacementFilterStrategy)filterStrategy).Role;
        var matching = new List<SiloAddress>();
        foreach (var silo in silos)
        {
            if (HasRole(metadata.GetSiloMetadata(silo), role))
                matching.Add(silo);
        }

        if (matching.Count == 0)
        {
            throw new NoCompatibleSiloException(
                $"No active silo has the role '{role}' that grain type {target.GrainIdentity.Type} requires; start a silo with Cluster:Roles including '{role}'.");
        }

        return matching;
    }

    private static bool HasRole(SiloMetadata silo, string role)
    {
        if (!silo.Metadata.TryGetValue(SiloIdentity.RoleMetadataKey, out var roles))
            return false;
        foreach (var range in roles.AsSpan().Split(','))
        {
            if (roles.AsSpan(range).Trim().Equals(role, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}

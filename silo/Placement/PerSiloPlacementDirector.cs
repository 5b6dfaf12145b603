using Cluster.GrainInterfaces;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Cluster.Silo.Placement;

/// <summary>
/// Activates a per-silo grain on the silo its key names, if that silo is active. The key is the silo's address,
/// optionally followed by "/" and a name local to the silo (e.g. a device: one grain per silo and device).
/// </summary>
internal sealed class PerSiloPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString()!;
        var local = key.IndexOf('/', StringComparison.Ordinal);
        if (local >= 0)
            key = key[..local];
        SiloAddress silo;
        try
        {
            silo = SiloAddress.FromParsableString(key);
        }
        catch (FormatException e)
        {
            throw new NoCompatibleSiloException($"'{key}' is not a silo address, so grain {target.GrainIdentity} has no silo to live on: {e.Message}");
        }

        foreach (var candidate in context.GetCompatibleSilos(target))
        {
            if (candidate.Equals(silo))
                return Task.FromResult(silo);
        }

        throw new NoCompatibleSiloException($"Silo {silo} is not an active member of the cluster, so grain {target.GrainIdentity} cannot run there.");
    }
}

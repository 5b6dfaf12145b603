using Orleans;
using Orleans.Runtime;

namespace Cluster.Grains.Cluster;

/// <summary>
/// Places a grain on the silo its key names (<see cref="SiloAddress.ToParsableString"/>), so that one instance runs on
/// each silo for per-silo services such as statistics or the registry view. A key naming no active silo fails.
/// </summary>
[GenerateSerializer]
[Alias("Cluster.PerSiloPlacement")]
public sealed class PerSiloPlacementStrategy : PlacementStrategy
{
    public static PerSiloPlacementStrategy Instance { get; } = new();
}

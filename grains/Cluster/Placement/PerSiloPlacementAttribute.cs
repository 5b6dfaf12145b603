using Orleans.Placement;

namespace Cluster.Grains.Cluster;

/// <summary>The grain's key is a silo address: see <see cref="PerSiloPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PerSiloPlacementAttribute() : PlacementAttribute(PerSiloPlacementStrategy.Instance);

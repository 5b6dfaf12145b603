using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>The effective [Min, Max] range of a dimension after all cap layers and its clamp default.</summary>
[GenerateSerializer]
[Alias("ActorCore.CapRange")]
[Immutable]
public readonly record struct CapRange(double Min, double Max);

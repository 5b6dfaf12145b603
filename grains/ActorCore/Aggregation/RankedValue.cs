namespace Cluster.Grains.ActorCore;

/// <summary>
/// A contribution or cap reduced to what ordering and arithmetic need; <see cref="System"/> is the system's id in
/// the workspace's <see cref="NameTable"/> and <see cref="Tag"/> its bucket or mode. Holding no reference, it is
/// copied without GC write barriers and its buffers never need clearing.
/// </summary>
internal readonly record struct RankedValue(double Value, int Priority, int System, int Tag);

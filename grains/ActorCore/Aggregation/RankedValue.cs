namespace Cluster.Grains.ActorCore;

/// <summary>A contribution or cap reduced to what ordering and arithmetic need; <see cref="Tag"/> is its bucket or mode.</summary>
internal readonly record struct RankedValue(double Value, int Priority, string System, int Tag);

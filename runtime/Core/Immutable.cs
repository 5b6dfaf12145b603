namespace Cluster.Runtime;

/// <summary>Wraps a value the caller promises not to change, so calls pass it without copying.</summary>
[Immutable]
public readonly record struct Immutable<T>(T Value);

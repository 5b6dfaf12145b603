namespace Cluster.Runtime.Messaging;

/// <summary>The result of a grain method that returns a plain Task.</summary>
[Immutable]
public readonly struct None;

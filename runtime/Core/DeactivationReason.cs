namespace Cluster.Runtime;

public enum DeactivationReasonCode
{
    ActivationIdle,
    ApplicationRequested,
    ShuttingDown,
    ActivationFailed,
    IncompatibleState,
    PlacementChanged,
    /// <summary>The cluster declared this silo dead; another silo may already serve the grain.</summary>
    DeclaredDead,
}

/// <summary>Why an activation is being deactivated, passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description)
{
    public override string ToString() => $"{Code}: {Description}";
}

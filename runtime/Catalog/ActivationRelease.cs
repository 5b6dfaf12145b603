namespace Cluster.Runtime.Catalog;

/// <summary>One per silo: hands a grain's activation over to the grain's new home when the new home asks.</summary>
[SiloTarget]
[Reentrant]
internal sealed class ActivationRelease : Grain, IActivationRelease
{
    private static readonly DeactivationReason Moved = new(DeactivationReasonCode.PlacementChanged, "the grain's new home asked for it");

    public Task ReleaseAsync(string grainType, string key) =>
        Activation.Runtime.Catalog.TryGetActivation(new GrainId(grainType, key), out var activation)
            ? activation!.StartDeactivation(Moved)
            : Task.CompletedTask;
}

using System.Globalization;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.Runtime;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// The versioned registries. A new revision is validated by compiling it, stored, and published to this silo's
/// <see cref="IRegistryView"/> before the caller hears of it, so no actor read after that resolves with the old one.
/// </summary>
public sealed class RegistryGrain(
    [PersistentState("registry", "actors")] IPersistentState<RegistryState> state,
    DefaultRegistry defaults,
    IRegistryView view) : Grain, IRegistryGrain
{
    private RegistryRevision _revision = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _revision = state.State.Revision ?? defaults.Revision;
        Publish(ActiveRegistries.Compile(_revision));
        return Task.CompletedTask;
    }

    public Task<RegistryRevision> GetAsync() => Task.FromResult(_revision);

    public async Task<RegistryRevision> PutAsync(CombinerRegistryDocument combiner, CapLayerRegistryDocument? capLayers, long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != _revision.Version)
        {
            throw new InconsistentStateException(
                $"The registry is at version {_revision.Version}, not {expected}: read it again and retry.",
                expected.ToString(CultureInfo.InvariantCulture),
                _revision.Version.ToString(CultureInfo.InvariantCulture));
        }

        if (combiner is null)
        {
            throw new RegistryValidationException("dimensions", "is required");
        }

        var next = new RegistryRevision
        {
            Version = _revision.Version + 1,
            Combiner = combiner,
            CapLayers = capLayers ?? _revision.CapLayers,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        var compiled = ActiveRegistries.Compile(next);
        await state.ReplaceAsync(new RegistryState { Revision = next }, DeactivateOnIdle);
        _revision = next;
        Publish(compiled);
        return next;
    }

    // Only the registry the cluster resolves with feeds the actors' view.
    private void Publish(ActiveRegistries registries)
    {
        if (GetPrimaryKeyString() == RegistryRevision.DefaultKey)
        {
            view.Publish(registries);
        }
    }
}

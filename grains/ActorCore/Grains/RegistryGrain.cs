using System.Globalization;
using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.ActorCore;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// The versioned registries. A new revision is validated by compiling it, stored, and published to every active
/// silo's <see cref="IRegistryView"/> before the caller hears of it, so no actor read after that resolves with the
/// old one.
/// </summary>
[GrainType("actor-registry")]
public sealed class RegistryGrain(
    [PersistentState("registry", GrainStorageNames.Actors)] IPersistentState<RegistryState> state,
    DefaultRegistry defaults,
    IRegistryView view,
    ILocalSiloDetails silo,
    ILogger<RegistryGrain> logger) : Grain, IRegistryGrain
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

        // Every dimension left out would fall back to the default clamp, so an empty registry would quietly undo every cap.
        if (combiner.Dimensions.Count == 0)
        {
            throw new RegistryValidationException("dimensions", "must list at least one dimension; a registry without dimensions would put every dimension on the default clamp");
        }

        await state.ReplaceAsync(new RegistryState { Revision = next }, DeactivateOnIdle);
        _revision = next;
        Publish(compiled);
        await BroadcastAsync(next);
        return next;
    }

    /// <summary>Publishes the revision on the other active silos; one that cannot be reached is leaving anyway.</summary>
    private async Task BroadcastAsync(RegistryRevision revision)
    {
        if (this.GetPrimaryKeyString() != RegistryRevision.DefaultKey)
            return;
        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var others = new List<SiloAddress>(hosts.Count);
        var publishes = new List<Task>(hosts.Count);
        foreach (var host in hosts.Keys)
        {
            if (host.Equals(silo.SiloAddress))
                continue;
            others.Add(host);
            publishes.Add(GrainFactory.GetGrain<IRegistryViewGrain>(host.ToParsableString()).PublishAsync(revision));
        }

        for (var i = 0; i < publishes.Count; i++)
        {
            try
            {
                await publishes[i];
            }
            catch (Exception e) when (e is NoCompatibleSiloException or SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                logger.LogWarning(e, "Registry version {Version} did not reach silo {Silo}", revision.Version, others[i]);
            }
        }
    }

    // Only the registry the cluster resolves with feeds the actors' view.
    private void Publish(ActiveRegistries registries)
    {
        if (this.GetPrimaryKeyString() == RegistryRevision.DefaultKey)
        {
            view.Publish(registries);
        }
    }
}

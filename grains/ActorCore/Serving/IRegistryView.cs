using Orleans;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// This silo's copy of the current registries, so actors resolve without asking the registry grain or storage.
/// The registry grain publishes every new revision here before acknowledging it; the first reader loads it.
/// </summary>
public interface IRegistryView
{
    /// <summary>The newest revision published on this silo; null until one is loaded.</summary>
    ActiveRegistries? Current { get; }

    /// <summary>Makes <paramref name="registries"/> current unless a revision at least as new is; returns whether it did.</summary>
    bool Publish(ActiveRegistries registries);

    /// <summary><see cref="Current"/>, loaded from the registry grain on first use.</summary>
    ValueTask<ActiveRegistries> GetAsync(IGrainFactory grains);
}

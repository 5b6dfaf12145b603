using Cluster.GrainInterfaces.ActorCore;
using Orleans;

namespace Cluster.Grains.ActorCore;

/// <summary>The silo-local <see cref="IRegistryView"/>: a reference swapped atomically, versions only ever growing.</summary>
public sealed class RegistryView : IRegistryView
{
    private ActiveRegistries? _current;

    public ActiveRegistries? Current => Volatile.Read(ref _current);

    public bool Publish(ActiveRegistries registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        while (true)
        {
            var seen = Volatile.Read(ref _current);
            if (seen is not null && seen.Version >= registries.Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _current, registries, seen) == seen)
            {
                return true;
            }
        }
    }

    public ValueTask<ActiveRegistries> GetAsync(IGrainFactory grains) =>
        Current is { } current ? ValueTask.FromResult(current) : new ValueTask<ActiveRegistries>(LoadAsync(grains));

    private async Task<ActiveRegistries> LoadAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var revision = await grains.GetGrain<IRegistryGrain>(RegistryRevision.DefaultKey).GetAsync();
        Publish(ActiveRegistries.Compile(revision));
        return Current!;
    }
}

using Cluster.GrainInterfaces.ActorCore;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.ActorCore;

/// <summary>Dry runs: resolves on the calling silo with the given registries, or the silo's current ones, and stores nothing.</summary>
[GrainType("actor-resolver")]
[StatelessWorker]
public sealed class ResolverGrain(IRegistryView view) : Grain, IResolverGrain
{
    public async Task<Snapshot> ResolveAsync(ResolveRequest dryRun)
    {
        ArgumentNullException.ThrowIfNull(dryRun);
        var current = dryRun.Registry is null || dryRun.CapLayers is null ? await view.GetAsync(GrainFactory) : null;
        var combiner = dryRun.Registry is null ? current!.Combiner : CompileCombiner(dryRun.Registry);
        var layers = dryRun.CapLayers is null ? current!.CapLayers : ActiveRegistries.CompileCapLayers(dryRun.CapLayers, "capLayers");
        try
        {
            return Aggregator.Resolve(dryRun.Outputs, combiner, layers);
        }
        catch (StatOverflowException e)
        {
            throw e.ToValidationError(dryRun.Outputs);
        }
    }

    private static CombinerRegistry CompileCombiner(CombinerRegistryDocument document)
    {
        try
        {
            return CombinerRegistry.FromDocument(document);
        }
        catch (RegistryValidationException e)
        {
            throw e.Within("registry");
        }
    }
}

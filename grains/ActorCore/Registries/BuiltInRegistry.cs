using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// The registries a server resolves with when none is stored or configured: the combiner registry of
/// registry.example.yml (nine dimensions; others use <see cref="CombinerRegistry.DefaultFallback"/>) and
/// <see cref="CapLayerRegistry.Default"/>. Kept in code so that a deployment needs no data files.
/// </summary>
public static class BuiltInRegistry
{
    public const string CombinerYaml = """
        dimensions:
          strength:            { use_pipeline: true,  clamp_default: { min: 0, max: 999999 } }
          intelligence:        { use_pipeline: true,  clamp_default: { min: 0, max: 999999 } }
          spirit:              { use_pipeline: true,  clamp_default: { min: 0, max: 999999 } }
          magic_power:         { use_pipeline: true,  clamp_default: { min: 0, max: 1000000 } }
          mp_max:              { use_pipeline: true,  clamp_default: { min: 0, max: 2000000 } }
          crit_rate:           { use_pipeline: true,  clamp_default: { min: 0, max: 1 } }
          cooldown_reduction:  { use_pipeline: true,  clamp_default: { min: 0, max: 0.5 } }
          move_speed:          { use_pipeline: true,  clamp_default: { min: 0, max: 12 } }
          lifespan_years:      { use_pipeline: false, operator: MAX, clamp_default: { min: 0, max: 100000 } }
        """;

    private static readonly Lazy<CombinerRegistry> LazyCombiner = new(() => CombinerRegistry.FromYaml(CombinerYaml));

    public static CombinerRegistry Combiner => LazyCombiner.Value;

    public static CapLayerRegistry CapLayers => CapLayerRegistry.Default;
}

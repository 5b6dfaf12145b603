namespace Cluster.Grains.ActorCore;

/// <summary>Settings of section "Cluster:ActorCore" (env Cluster__ActorCore__…).</summary>
public sealed class ActorCoreOptions
{
    public const string Section = "Cluster:ActorCore";

    /// <summary>
    /// A combiner registry (.yml, .yaml or .json, Registry.schema.json) served as version 0 until one is stored;
    /// unset: the built-in registry (<see cref="BuiltInRegistry"/>).
    /// </summary>
    public string? RegistryFile { get; set; }

    /// <summary>A cap-layer registry file served with it; unset: REALM, WORLD, EVENT, TOTAL with INTERSECT.</summary>
    public string? CapLayerRegistryFile { get; set; }
}

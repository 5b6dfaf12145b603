using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>A registry revision compiled for resolving: what every snapshot of that registry version is resolved with.</summary>
public sealed class ActiveRegistries
{
    public ActiveRegistries(long version, CombinerRegistry combiner, CapLayerRegistry capLayers)
    {
        ArgumentNullException.ThrowIfNull(combiner);
        ArgumentNullException.ThrowIfNull(capLayers);
        Version = version;
        Combiner = combiner;
        CapLayers = capLayers;
    }

    public long Version { get; }

    public CombinerRegistry Combiner { get; }

    public CapLayerRegistry CapLayers { get; }

    /// <summary>Compiles a revision; combiner fields are reported as <c>dimensions...</c>, cap-layer fields as <c>capLayers...</c>.</summary>
    /// <exception cref="RegistryValidationException">A document breaks a rule.</exception>
    public static ActiveRegistries Compile(RegistryRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return Compile(revision.Version, revision.Combiner, revision.CapLayers);
    }

    /// <inheritdoc cref="Compile(RegistryRevision)"/>
    public static ActiveRegistries Compile(long version, CombinerRegistryDocument combiner, CapLayerRegistryDocument capLayers) =>
        new(version, CombinerRegistry.FromDocument(combiner), CompileCapLayers(capLayers, "capLayers"));

    /// <summary>Compiles a cap-layer document nested at <paramref name="field"/> of a request.</summary>
    /// <exception cref="RegistryValidationException">The document breaks a rule; the field is under <paramref name="field"/>.</exception>
    public static CapLayerRegistry CompileCapLayers(CapLayerRegistryDocument capLayers, string field)
    {
        try
        {
            return CapLayerRegistry.FromDocument(capLayers);
        }
        catch (RegistryValidationException e)
        {
            throw e.Within(field);
        }
    }
}

using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>The registries served as version 0 while none is stored: the configured files, else the built-in ones.</summary>
public sealed class DefaultRegistry(ActorCoreOptions options)
{
    private readonly Lazy<RegistryRevision> _revision = new(() => Load(options));

    /// <exception cref="InvalidOperationException">A configured file is missing or not a valid registry.</exception>
    public RegistryRevision Revision => _revision.Value;

    private static RegistryRevision Load(ActorCoreOptions options)
    {
        var combiner = string.IsNullOrWhiteSpace(options.RegistryFile)
            ? BuiltInRegistry.Combiner
            : Read(options.RegistryFile, nameof(ActorCoreOptions.RegistryFile), path => CombinerRegistry.FromFile(path));
        var capLayers = string.IsNullOrWhiteSpace(options.CapLayerRegistryFile)
            ? BuiltInRegistry.CapLayers
            : Read(options.CapLayerRegistryFile, nameof(ActorCoreOptions.CapLayerRegistryFile), CapLayerRegistry.FromFile);
        return new RegistryRevision { Version = 0, Combiner = combiner.ToDocument(), CapLayers = capLayers.ToDocument() };
    }

    private static T Read<T>(string path, string setting, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is RegistryValidationException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{ActorCoreOptions.Section}:{setting} '{Path.GetFullPath(path)}' cannot be used: {e.Message}", e);
        }
    }
}

using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>What the registry grain stores: the latest revision, or null while the configured default applies.</summary>
public sealed class RegistryState
{
    public RegistryRevision? Revision { get; set; }
}

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>The standard cap layer names; a cap-layer registry may configure others.</summary>
public static class CapLayers
{
    public const string Realm = "REALM";
    public const string World = "WORLD";
    public const string Event = "EVENT";
    public const string Total = "TOTAL";
}

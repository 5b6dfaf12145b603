using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;

namespace Cluster.Tests.ActorCore;

/// <summary>Short constructors for subsystem outputs in tests.</summary>
internal static class TestOutputs
{
    public static Contribution Stat(string dimension, Bucket bucket, double value, string system = "items", int priority = 0) =>
        new() { Dimension = dimension, Bucket = bucket, Value = value, System = system, Priority = priority };

    public static CapContribution Cap(
        string dimension,
        CapMode mode,
        CapKind kind,
        double value,
        string scope = CapLayers.Total,
        string system = "world",
        int priority = 0,
        string? realm = null) =>
        new()
        {
            Dimension = dimension,
            Mode = mode,
            Kind = kind,
            Value = value,
            Scope = scope,
            System = system,
            Priority = priority,
            Realm = realm ?? (scope == CapLayers.Realm ? "realm_1" : null),
        };

    public static SubsystemOutput Output(
        string system = "items",
        IReadOnlyList<Contribution>? primary = null,
        IReadOnlyList<Contribution>? derived = null,
        IReadOnlyList<CapContribution>? caps = null,
        IReadOnlyDictionary<string, ModifierPack>? context = null) =>
        new()
        {
            Primary = primary ?? [],
            Derived = derived ?? [],
            Caps = caps ?? [],
            Context = context ?? new Dictionary<string, ModifierPack>(),
            Meta = new SubsystemMeta { System = system },
        };
}

namespace Cluster.Runtime;

/// <summary>Requests of this grain may interleave: while one awaits, another can start. Still one thread at a time.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>This method may run while other requests of the activation are in progress.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>This method does not change grain state: read-only requests may interleave with each other.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>The caller does not wait for the grain to run the method: the call completes once it is queued.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;

/// <summary>
/// Instances of this grain are stateless workers: each silo runs up to <see cref="MaxLocalWorkers"/> activations,
/// created on demand when all existing ones are busy, and removed when idle.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = 0) : Attribute
{
    /// <summary>The bound per silo; 0 means one per processor core.</summary>
    public int MaxLocalWorkers { get; } = maxLocalWorkers;
}

/// <summary>Objects of this type never change after construction, so calls may share them without copying.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;

/// <summary>The grain type's name in grain ids; defaults to the class name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>How long an activation of this grain type may stay idle before it is deactivated.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public double Minutes { get; init; }

    public double Seconds { get; init; }

    public TimeSpan Age => TimeSpan.FromMinutes(Minutes) + TimeSpan.FromSeconds(Seconds);
}

/// <summary>This grain type is placed only on silos that have the given role (for example "gpu").</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class SiloRoleAttribute(string role) : Attribute
{
    public string Role { get; } = role;
}

/// <summary>Injects an <see cref="IPersistentState{T}"/> named <paramref name="stateName"/> kept in the named storage.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string StorageName { get; } = storageName ?? "Default";
}

/// <summary>
/// The grain's key is a silo id: each silo has its own instance, which lives on that silo (for per-silo services
/// such as statistics). Calls for a silo that is not in the cluster fail.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class SiloTargetAttribute : Attribute;

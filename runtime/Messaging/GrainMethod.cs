namespace Cluster.Runtime.Messaging;

[Flags]
public enum GrainMethodFlags
{
    None = 0,
    AlwaysInterleave = 1,
    ReadOnly = 2,
    OneWay = 4,
}

/// <summary>Describes one grain interface method: generated once per method and shared by all its requests.</summary>
public sealed class GrainMethod(Type interfaceType, string name, GrainMethodFlags flags, string key)
{
    /// <summary>Identifies the method on the wire: interface, name and parameter types.</summary>
    public string Key { get; } = key;

    public Type InterfaceType { get; } = interfaceType;

    public string Name { get; } = name;

    public GrainMethodFlags Flags { get; } = flags;

    public bool AlwaysInterleave => (Flags & GrainMethodFlags.AlwaysInterleave) != 0;

    public bool ReadOnly => (Flags & GrainMethodFlags.ReadOnly) != 0;

    public bool OneWay => (Flags & GrainMethodFlags.OneWay) != 0;

    public string DisplayName { get; } = $"{interfaceType.Name}.{name}";

    public override string ToString() => DisplayName;
}

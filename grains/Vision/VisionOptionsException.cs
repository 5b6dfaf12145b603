namespace Cluster.Grains.Vision;

/// <summary>A vision setting is out of range; <see cref="Key"/> names it as it appears in configuration.</summary>
public sealed class VisionOptionsException(string key, string reason) : Exception($"{key}: {reason}")
{
    public string Key { get; } = key;

    public string Reason { get; } = reason;
}

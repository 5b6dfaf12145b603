using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>What a registry revision changed against an earlier one: dimensions added, removed and with another merge rule.</summary>
public sealed record RegistryChanges(long Since, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed, bool CapLayersChanged)
{
    public static RegistryChanges Between(RegistryRevision before, RegistryRevision after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Combiner.Dimensions;
        var current = after.Combiner.Dimensions;
        var added = new List<string>();
        var changed = new List<string>();
        foreach (var (name, rule) in current)
        {
            if (!old.TryGetValue(name, out var previous))
                added.Add(name);
            else if (previous != rule)
                changed.Add(name);
        }

        var removed = new List<string>();
        foreach (var name in old.Keys)
        {
            if (!current.ContainsKey(name))
                removed.Add(name);
        }

        added.Sort(StringComparer.Ordinal);
        changed.Sort(StringComparer.Ordinal);
        removed.Sort(StringComparer.Ordinal);
        var layersChanged = !before.CapLayers.Order.SequenceEqual(after.CapLayers.Order) || before.CapLayers.AcrossPolicy != after.CapLayers.AcrossPolicy;
        return new RegistryChanges(before.Version, added, removed, changed, layersChanged);
    }
}

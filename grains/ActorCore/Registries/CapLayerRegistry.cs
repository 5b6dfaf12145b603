using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>The cap layers in evaluation order and how their ranges reduce (CapLayerRegistry.schema.json).</summary>
public sealed class CapLayerRegistry
{
    private readonly string[] _order;

    /// <exception cref="RegistryValidationException">The order is empty, has a blank or repeated layer, or the policy is undefined.</exception>
    public CapLayerRegistry(IReadOnlyList<string> order, AcrossLayerPolicy acrossPolicy)
    {
        if (order is null || order.Count == 0)
        {
            throw new RegistryValidationException("order", "must list at least one layer");
        }

        _order = new string[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var layer = order[i];
            if (string.IsNullOrWhiteSpace(layer))
            {
                throw new RegistryValidationException($"order[{i}]", "must be a non-blank layer name");
            }

            if (Array.IndexOf(_order, layer, 0, i) >= 0)
            {
                throw new RegistryValidationException($"order[{i}]", $"layer '{layer}' is listed twice");
            }

            _order[i] = layer;
        }

        if ((uint)acrossPolicy > (uint)AcrossLayerPolicy.PrioritizedOverride)
        {
            throw new RegistryValidationException("across_policy", $"{(int)acrossPolicy} is not a defined policy (INTERSECT, PRIORITIZED_OVERRIDE)");
        }

        AcrossPolicy = acrossPolicy;
    }

    /// <summary>REALM, WORLD, EVENT, TOTAL with INTERSECT (cap_layer_registry.example.yml).</summary>
    public static CapLayerRegistry Default { get; } = new(
        [CapLayers.Realm, CapLayers.World, CapLayers.Event, CapLayers.Total],
        AcrossLayerPolicy.Intersect);

    public IReadOnlyList<string> Order => _order;

    public AcrossLayerPolicy AcrossPolicy { get; }

    /// <summary>Position of <paramref name="layer"/> in <see cref="Order"/>, or -1 when it is not configured.</summary>
    public int IndexOf(string layer)
    {
        // Scopes are mostly the CapLayers constants themselves: identity settles them without comparing characters.
        for (var i = 0; i < _order.Length; i++)
        {
            if (ReferenceEquals(_order[i], layer))
            {
                return i;
            }
        }

        for (var i = 0; i < _order.Length; i++)
        {
            if (string.Equals(_order[i], layer, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <exception cref="RegistryValidationException">The document is malformed or breaks a rule.</exception>
    public static CapLayerRegistry FromJson(string json) => FromDocument(RegistryDocument.FromJson<CapLayerRegistryDocument>(json));

    /// <exception cref="RegistryValidationException">The document is malformed or breaks a rule.</exception>
    public static CapLayerRegistry FromYaml(string yaml) => FromDocument(RegistryDocument.FromYaml<CapLayerRegistryDocument>(yaml));

    /// <summary>Loads a .yml, .yaml or .json file.</summary>
    /// <exception cref="RegistryValidationException">The document is malformed or breaks a rule.</exception>
    public static CapLayerRegistry FromFile(string path) => FromDocument(RegistryDocument.FromFile<CapLayerRegistryDocument>(path));

    /// <exception cref="RegistryValidationException">The document is null or breaks a rule.</exception>
    public static CapLayerRegistry FromDocument(CapLayerRegistryDocument document)
    {
        if (document is null)
        {
            throw new RegistryValidationException("$", "the document is empty");
        }

        return new CapLayerRegistry(document.Order, document.AcrossPolicy);
    }

    public CapLayerRegistryDocument ToDocument() => new() { Order = _order, AcrossPolicy = AcrossPolicy };
}

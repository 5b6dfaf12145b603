using Cluster.Grains.Vision.Hosting;

namespace Cluster.Grains.Vision.Models;

/// <summary>The models a gpu silo can load: the built-in resnet18 and those registered by path in Vision:Models.</summary>
public sealed class ModelCatalogue
{
    private readonly Dictionary<string, (ModelDefinition Definition, VisionPriority Priority)> _models = new(StringComparer.Ordinal);

    public ModelCatalogue(VisionOptions options)
    {
        _models[BuiltInModels.ResNet18Name] = (BuiltInModels.ResNet18, VisionPriority.Normal);
        foreach (var registration in options.Models)
            _models[registration.Name] = (registration.ToDefinition(), (VisionPriority)registration.Priority);
    }

    public IEnumerable<ModelDefinition> All
    {
        get
        {
            foreach (var (definition, _) in _models.Values)
                yield return definition;
        }
    }

    public bool TryGet(string name, out ModelDefinition definition)
    {
        var found = _models.TryGetValue(name, out var entry);
        definition = entry.Definition!;
        return found;
    }

    public VisionPriority PriorityOf(string name) => _models[name].Priority;

    /// <summary>
    /// Footprint assumed before a load measures it: the graph's file size (weights dominate) plus a third for
    /// ONNX Runtime's arenas and workspaces.
    /// </summary>
    public static long EstimateBytes(ModelDefinition definition) =>
        File.Exists(definition.Path) ? new FileInfo(definition.Path).Length * 4 / 3 : 256L * 1024 * 1024;
}

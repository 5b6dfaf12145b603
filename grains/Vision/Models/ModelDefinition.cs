using Cluster.Grains.Vision.Preprocessing;

namespace Cluster.Grains.Vision.Models;

/// <summary>
/// A model the catalogue can load: where its graph comes from, the input it takes, what its output means, and for
/// classifiers the class names in output order.
/// </summary>
public sealed record ModelDefinition(string Name, string Path, PreprocessSpec Input, ModelOutput Output, IReadOnlyList<string> Labels, string Description)
{
    public bool Classifies => Output == ModelOutput.Logits;

    /// <summary>The input of one image: channels, height, width.</summary>
    public IReadOnlyList<int> InputShape => [3, Input.Height, Input.Width];
}

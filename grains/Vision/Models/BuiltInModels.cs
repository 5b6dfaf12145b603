using Cluster.Grains.Vision.Preprocessing;

namespace Cluster.Grains.Vision.Models;

/// <summary>
/// The models every gpu silo knows without configuration. ResNet18 is the ONNX graph of the NuGet package
/// Microsoft.ML.DnnImageFeaturizer.ResNet18, copied beside the assemblies at build time. That graph ends at global
/// average pooling (512 features; no classifier layer is in it), so it serves embeddings only.
/// </summary>
public static class BuiltInModels
{
    public const string ResNet18Name = "resnet18";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Vision", "Models", "ResNet18");

    public static string ResNet18Path => Path.Combine(Folder, "ResNet18.onnx");

    public static string ResNet18PreprocessPath => Path.Combine(Folder, "ResNetPreprocess.onnx");

    public static ModelDefinition ResNet18 { get; } = new(
        ResNet18Name,
        ResNet18Path,
        // The package's preprocessing graph (fused in front at load) reorders to BGR and subtracts its mean image,
        // so the network takes raw 0..255 RGB, resized as ML.NET does: shorter side to 224, centre crop.
        PreprocessSpec.DnnImageFeaturizer,
        ModelOutput.Features,
        [],
        "ResNet18 (ImageNet-trained, from Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1) up to its pooling layer: 512-d image embeddings.");

    public static bool IsResNet18(ModelDefinition model) => string.Equals(model.Path, ResNet18Path, StringComparison.Ordinal);
}

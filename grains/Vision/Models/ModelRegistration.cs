using Cluster.Grains.Vision.Preprocessing;

namespace Cluster.Grains.Vision.Models;

/// <summary>
/// A model registered by path (configuration Vision:Models:N): an ONNX file taking NCHW float32 RGB of
/// <see cref="Width"/> × <see cref="Height"/>, normalised as <see cref="Normalisation"/> says, whose first output is
/// class logits (<see cref="Output"/> "logits", with <see cref="Labels"/> "imagenet" or a file of names) or features.
/// </summary>
public sealed class ModelRegistration
{
    public string Name { get; set; } = "";

    public string Path { get; set; } = "";

    public int Width { get; set; } = 224;

    public int Height { get; set; } = 224;

    /// <summary>"imagenet": scaled to 0..1, torchvision's mean and std; "raw": 0..255 values as they are.</summary>
    public string Normalisation { get; set; } = "imagenet";

    /// <summary>"logits" (classification) or "features" (embeddings).</summary>
    public string Output { get; set; } = "logits";

    /// <summary>"imagenet" for the shipped ILSVRC-2012 names, or the path of a file with one class name per line.</summary>
    public string Labels { get; set; } = ImageNetLabels.Name;

    /// <summary>Residency priority: 1 (critical, evicted last) … 10 (background, evicted first).</summary>
    public int Priority { get; set; } = 5;

    public string Description { get; set; } = "";

    public void Validate(string at)
    {
        if (!ModelNames.IsValid(Name))
            throw new VisionOptionsException($"{at}:Name", $"'{Name}' must be 1-64 characters of a-z, 0-9, '-', '_' or '.'.");
        if (string.Equals(Name, BuiltInModels.ResNet18Name, StringComparison.Ordinal))
            throw new VisionOptionsException($"{at}:Name", $"'{Name}' is the built-in model's name; choose another.");
        if (!File.Exists(Path))
            throw new VisionOptionsException($"{at}:Path", $"'{Path}' is not a file.");
        if (Width is < 8 or > 4096 || Height is < 8 or > 4096)
            throw new VisionOptionsException($"{at}:Width", $"must be between 8 and 4096; got {Width}x{Height}.");
        if (Normalisation is not ("imagenet" or "raw"))
            throw new VisionOptionsException($"{at}:Normalisation", $"must be 'imagenet' or 'raw'; got '{Normalisation}'.");
        if (Output is not ("logits" or "features"))
            throw new VisionOptionsException($"{at}:Output", $"must be 'logits' or 'features'; got '{Output}'.");
        if (Output == "logits" && Labels != ImageNetLabels.Name && !File.Exists(Labels))
            throw new VisionOptionsException($"{at}:Labels", $"must be 'imagenet' or the path of a file of class names; '{Labels}' is neither.");
        if (!Enum.IsDefined((VisionPriority)Priority))
            throw new VisionOptionsException($"{at}:Priority", $"must be 1, 2, 5, 8 or 10; got {Priority}.");
    }

    public ModelDefinition ToDefinition()
    {
        // torchvision evaluates ImageNet models on the centre crop of the image scaled to 256/224 of the crop.
        var input = Normalisation == "raw"
            ? new PreprocessSpec { Width = Width, Height = Height, ResizeShorterSide = Math.Max(Width, Height) }
            : new PreprocessSpec
            {
                Width = Width,
                Height = Height,
                ResizeShorterSide = Math.Max(Width, Height) * 256 / 224,
                Scale = PreprocessSpec.ImageNet.Scale,
                Offset = PreprocessSpec.ImageNet.Offset,
            };
        var output = Output == "logits" ? ModelOutput.Logits : ModelOutput.Features;
        IReadOnlyList<string> labels = output != ModelOutput.Logits ? [] : Labels == ImageNetLabels.Name ? ImageNetLabels.All : ImageNetLabels.Read(Labels);
        var description = Description.Length > 0 ? Description : $"{System.IO.Path.GetFileName(Path)} ({Output})";
        return new ModelDefinition(Name, Path, input, output, labels, description);
    }
}

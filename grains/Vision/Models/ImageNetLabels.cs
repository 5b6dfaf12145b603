namespace Cluster.Grains.Vision.Models;

/// <summary>The 1000 ILSVRC-2012 class names in output order, shipped beside the assemblies (see Labels/NOTICE.md).</summary>
public static class ImageNetLabels
{
    public const string Name = "imagenet";

    private static readonly Lazy<string[]> Names = new(() => Read(Path.Combine(AppContext.BaseDirectory, "Vision", "Models", "Labels", "imagenet_classes.txt")));

    public static IReadOnlyList<string> All => Names.Value;

    /// <summary>One class name per line; blank lines are not classes.</summary>
    public static string[] Read(string path)
    {
        if (!File.Exists(path))
            throw new ModelLoadException($"Label file {path} does not exist.");
        var names = new List<string>(1000);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Trim() is { Length: > 0 } name)
                names.Add(name);
        }

        return [.. names];
    }
}

using Cluster.Grains.Json;
using System.Text.Json;
using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>Reads registry documents (JSON or YAML) into their wire types, reporting errors by field.</summary>
internal static class RegistryDocument
{
    public static T FromJson<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, ActorCoreJson.Options) ?? throw Empty();
        }
        catch (JsonException e)
        {
            throw new RegistryValidationException(FieldPath.FromJsonPath(e.Path, string.Empty), JsonReadError.Describe(e), e);
        }
    }

    /// <summary>Reads a document nested in a larger JSON body; fields are reported under <paramref name="root"/>.</summary>
    public static T FromElement<T>(JsonElement element, string root)
        where T : class
    {
        try
        {
            return element.Deserialize<T>(ActorCoreJson.Options) ?? throw new RegistryValidationException(root.Length == 0 ? "$" : root, "must not be null");
        }
        catch (JsonException e)
        {
            throw new RegistryValidationException(FieldPath.FromJsonPath(e.Path, root), JsonReadError.Describe(e), e);
        }
    }

    public static T FromYaml<T>(string yaml)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var tree = YamlTree.Parse(yaml) ?? throw Empty();
        try
        {
            return tree.Deserialize<T>(ActorCoreJson.Options) ?? throw Empty();
        }
        catch (JsonException e)
        {
            throw new RegistryValidationException(FieldPath.FromJsonPath(e.Path, string.Empty), JsonReadError.Describe(e), e);
        }
    }

    /// <summary>Picks the format from the file extension (.yml, .yaml or .json).</summary>
    public static T FromFile<T>(string path)
        where T : class
    {
        Func<string, T> read = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".yml" or ".yaml" => FromYaml<T>,
            ".json" => FromJson<T>,
            var other => throw new ArgumentException($"'{path}': unknown registry format '{other}' (expected .yml, .yaml or .json)", nameof(path)),
        };
        return read(File.ReadAllText(path));
    }

    private static RegistryValidationException Empty() => new("$", "the document is empty");
}

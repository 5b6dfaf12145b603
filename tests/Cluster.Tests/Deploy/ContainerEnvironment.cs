using YamlDotNet.RepresentationModel;

namespace Cluster.Tests.Deploy;

/// <summary>The environment variables a container starts with: its image's ENV defaults, then what the deployment sets.</summary>
internal sealed record ContainerEnvironment(string Name, Dictionary<string, string> Variables)
{
    /// <summary>The ENV instructions of the final stage of a Dockerfile (continuation lines joined).</summary>
    public static Dictionary<string, string> OfImage(string dockerfile)
    {
        var text = DeployFiles.Read(dockerfile).Replace("\\\n", " ", StringComparison.Ordinal);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("FROM ", StringComparison.Ordinal))
                variables.Clear();
            if (!trimmed.StartsWith("ENV ", StringComparison.Ordinal))
                continue;
            foreach (var pair in trimmed[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var at = pair.IndexOf('=');
                variables[pair[..at]] = pair[(at + 1)..];
            }
        }

        return variables;
    }

    /// <summary>The image's defaults overlaid with <paramref name="set"/>.</summary>
    public static ContainerEnvironment Of(string name, string dockerfile, Dictionary<string, string> set)
    {
        var variables = OfImage(dockerfile);
        foreach (var (key, value) in set)
            variables[key] = value;
        return new ContainerEnvironment(name, variables);
    }

    public static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var step in path)
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(step)];
        return ((YamlScalarNode)node).Value ?? "";
    }

    public static bool TryGet(YamlNode node, out YamlNode found, params string[] path)
    {
        found = node;
        foreach (var step in path)
        {
            if (found is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(step), out var next))
                return false;
            found = next;
        }

        return true;
    }
}

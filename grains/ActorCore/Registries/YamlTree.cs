using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// Reads a YAML registry into a JSON tree so that YAML and JSON documents share one deserializer and one set of
/// validation messages. Plain scalars follow the YAML 1.2 core schema (null, booleans, numbers); quoted scalars stay strings.
/// </summary>
internal static class YamlTree
{
    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new RegistryValidationException("$", $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }

        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, "$");
    }

    private static JsonNode? Convert(YamlNode node, string field) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping, field),
        YamlSequenceNode sequence => ConvertSequence(sequence, field),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new RegistryValidationException(field, $"unsupported YAML node {node.NodeType}"),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping, string field)
    {
        var result = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new RegistryValidationException(field, $"mapping keys must be plain strings (line {keyNode.Start.Line})");
            }

            // YamlStream.Load has already rejected duplicate keys.
            result[key] = Convert(valueNode, FieldPath.Member(field == "$" ? string.Empty : field, key));
        }

        return result;
    }

    private static JsonArray ConvertSequence(YamlSequenceNode sequence, string field)
    {
        var result = new JsonArray();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            result.Add(Convert(sequence.Children[i], $"{field}[{i}]"));
        }

        return result;
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        // Non-finite YAML numbers (.inf, .nan) stay strings and fail as "not a number" where a number is expected.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}

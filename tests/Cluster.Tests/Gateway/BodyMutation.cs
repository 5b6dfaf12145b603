using System.Text;
using System.Text.Json.Nodes;

namespace Cluster.Tests.Gateway;

/// <summary>
/// A documented example body with one thing broken. <see cref="MustBeRefused"/> mutations are invalid wherever they
/// land; the others (huge finite numbers, unusual but valid text, other scalar types and names inside a free-form
/// map) may be valid input, and then must be stored so that every read still answers.
/// </summary>
public sealed record BodyMutation(string Kind, string Path, string Body, bool MustBeRefused)
{
    public const string WrongType = "wrong type";
    public const string HugeNumber = "±1e308";
    public const string NumberAsString = "NaN/Infinity spelt as strings";
    public const string HugeArray = "array of 10,001 elements";
    public const string DeepNesting = "nesting 100 deep";
    public const string UnknownProperty = "unknown property";
    public const string InvalidText = "lone surrogates, NUL, 100,000 characters";
    public const string UnusualText = "emoji, right-to-left override, zero-width joiner, combining marks";

    // Maps whose keys and values are the client's own (analytics parameters) accept any name and scalar.
    private static readonly string[] FreeFormMaps = [".parameters"];

    public override string ToString() => $"{Kind} at {Path}";

    public static IEnumerable<BodyMutation> Of(JsonNode example)
    {
        foreach (var (path, value) in Values(example, "$"))
        {
            var strict = !Array.Exists(FreeFormMaps, map => path.Contains(map, StringComparison.Ordinal) && !path.EndsWith(map, StringComparison.Ordinal));
            foreach (var (kind, replacement, refused) in Replacements(value))
                yield return new BodyMutation(kind, path, Replace(example, path, replacement), refused && (strict || kind == InvalidText));
            if (value is JsonObject)
            {
                var freeForm = Array.Exists(FreeFormMaps, map => path.EndsWith(map, StringComparison.Ordinal));
                yield return new BodyMutation(UnknownProperty, path, Replace(example, path, WithUnknownProperty(value)), strict && !freeForm);
            }
        }
    }

    private static IEnumerable<(string Kind, string Json, bool Refused)> Replacements(JsonNode? value)
    {
        switch (value)
        {
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                foreach (var wrong in (string[])["\"1\"", "true", "[]", "{}"])
                    yield return (WrongType, wrong, true);
                yield return (HugeNumber, "1e308", false);
                yield return (HugeNumber, "-1e308", false);
                foreach (var spelt in (string[])["\"NaN\"", "\"Infinity\"", "\"-Infinity\""])
                    yield return (NumberAsString, spelt, true);
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                foreach (var wrong in (string[])["1", "true", "[]", "{}"])
                    yield return (WrongType, wrong, true);
                foreach (var text in (string[])["\"\\ud800\"", "\"x\\udc00\"", "\"a\\u0000b\"", "\"" + new string('e', 100_000) + "\""])
                    yield return (InvalidText, text, true);
                foreach (var text in (string[])["\"\\ud83d\\ude00\"", "\"a\\u202eb\"", "\"a\\u200db\"", "\"e\\u0301\\u0301\\u0301\""])
                    yield return (UnusualText, text, false);
                break;
            case JsonValue v:
                foreach (var wrong in (string[])["\"true\"", "1", "[]"])
                    yield return (WrongType, wrong, true);
                break;
            case JsonArray array:
                foreach (var wrong in (string[])["{}", "\"x\"", "1"])
                    yield return (WrongType, wrong, true);
                yield return (HugeArray, Repeat(array.Count > 0 ? array[0]!.ToJsonString() : "0", 10_001), true);
                break;
            case JsonObject:
                foreach (var wrong in (string[])["[]", "\"x\"", "1"])
                    yield return (WrongType, wrong, true);
                break;
        }

        yield return (DeepNesting, new string('[', 100) + "1" + new string(']', 100), true);
        yield return (DeepNesting, string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100), true);
    }

    private static string Repeat(string element, int count)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < count; i++)
            builder.Append(i == 0 ? "" : ",").Append(element);
        return builder.Append(']').ToString();
    }

    private static string WithUnknownProperty(JsonNode value)
    {
        var copy = value.DeepClone().AsObject();
        copy["zzUnknown"] = 1;
        return copy.ToJsonString();
    }

    /// <summary>Every value with its path, the root first.</summary>
    private static IEnumerable<(string Path, JsonNode? Value)> Values(JsonNode? node, string path)
    {
        yield return (path, node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                foreach (var inner in Values(child, $"{path}.{name}"))
                    yield return inner;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                foreach (var inner in Values(array[i], $"{path}[{i}]"))
                    yield return inner;
                break;
        }
    }

    /// <summary>The example as text with the value at <paramref name="path"/> replaced by raw JSON text.</summary>
    private static string Replace(JsonNode example, string path, string replacement)
    {
        const string placeholder = "\u0001replace\u0001";
        if (path == "$")
            return replacement;
        var copy = example.DeepClone();
        var (parent, last) = Locate(copy, path);
        if (parent is JsonObject obj)
            obj[last] = placeholder;
        else
            parent!.AsArray()[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = placeholder;
        return copy.ToJsonString().Replace(JsonValue.Create(placeholder).ToJsonString(), replacement, StringComparison.Ordinal);
    }

    private static (JsonNode? Parent, string Last) Locate(JsonNode root, string path)
    {
        var steps = new List<string>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                steps.Add(path[(i + 1)..(end < 0 ? path.Length : end)]);
                i = end < 0 ? path.Length : end;
            }
            else
            {
                var end = path.IndexOf(']', i);
                steps.Add(path[(i + 1)..end]);
                i = end + 1;
            }
        }

        JsonNode? node = root;
        for (var s = 0; s < steps.Count - 1; s++)
            node = node is JsonArray array ? array[int.Parse(steps[s], System.Globalization.CultureInfo.InvariantCulture)] : node![steps[s]];
        return (node, steps[^1]);
    }
}

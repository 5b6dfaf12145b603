using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Cluster.Grains.Json;

/// <summary>
/// Says why System.Text.Json could not read a request body in the words of JSON and the API: what kind of value a
/// field must hold, which property is unknown, where the text stops being JSON. Serializer messages name .NET types
/// and members, which a client cannot act on. Only failed requests come here, so the type lookups cost nothing on the
/// hot path.
/// </summary>
public static class JsonReadError
{
    private const string ConvertPrefix = "The JSON value could not be converted to ";
    private const string UnmappedPrefix = "The JSON property '";
    private const string MissingMarker = "was missing required properties including: ";
    private const string NullMarker = "doesn't allow setting null values";
    private const string NullParameterMarker = "doesn't allow null values";
    private const string DepthMarker = "maximum configured depth";

    private static readonly ConcurrentDictionary<string, string> KindByTypeName = new(StringComparer.Ordinal);

    /// <summary>Whether the text itself is not JSON (as opposed to JSON of the wrong shape).</summary>
    public static bool IsSyntaxError(JsonException error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e.GetType().Name == "JsonReaderException")
                return true;
        }

        return false;
    }

    /// <summary>1-based line and position of a syntax error, when the reader knows them.</summary>
    public static (long Line, long Position)? Location(JsonException error) =>
        error.LineNumber is { } line && error.BytePositionInLine is { } position ? (line + 1, position + 1) : null;

    /// <summary>What is wrong, as a phrase that follows the field's name (e.g. "must be a number").</summary>
    public static string Describe(JsonException error)
    {
        var message = WithoutLocation(error.Message);
        if (IsSyntaxError(error))
        {
            if (message.Contains(DepthMarker, StringComparison.Ordinal))
                return "is nested too deeply: JSON bodies may nest at most 64 arrays and objects";
            return Location(error) is { } at
                ? $"is not valid JSON at line {at.Line}, position {at.Position}: {message}"
                : $"is not valid JSON: {message}";
        }

        if (message.StartsWith(ConvertPrefix, StringComparison.Ordinal))
            return $"must be {Expected(error.InnerException) ?? Kind(message[ConvertPrefix.Length..].TrimEnd('.'))}";
        if (message.StartsWith(UnmappedPrefix, StringComparison.Ordinal))
        {
            var end = message.IndexOf('\'', UnmappedPrefix.Length);
            var name = end < 0 ? string.Empty : message[UnmappedPrefix.Length..end];
            return $"is not a known property ('{name}'); the request schemas are at /openapi/v1.json and /docs";
        }

        var missing = message.IndexOf(MissingMarker, StringComparison.Ordinal);
        if (missing >= 0)
            return $"is missing required properties: {message[(missing + MissingMarker.Length)..].TrimEnd('.')}";
        if (message.Contains(NullMarker, StringComparison.Ordinal) || message.Contains(NullParameterMarker, StringComparison.Ordinal))
            return "must not be null";
        return message;
    }

    /// <summary>
    /// The reader's own complaint says what the field needed ("Cannot get the value of a token type 'String' as a
    /// number.", "… out of bounds for an Int32."); the outer message names the declaring record, not the field's type.
    /// </summary>
    private static string? Expected(Exception? inner)
    {
        switch (inner)
        {
            case InvalidOperationException { Message: var text } when text.StartsWith("Cannot get the value of a token type '", StringComparison.Ordinal):
            {
                var tokenStart = "Cannot get the value of a token type '".Length;
                var tokenEnd = text.IndexOf('\'', tokenStart);
                var asAt = text.LastIndexOf(" as a", StringComparison.Ordinal);
                if (tokenEnd < 0 || asAt < 0)
                    return null;
                var wanted = text[(asAt + " as a".Length)..];
                wanted = (wanted.StartsWith("n ", StringComparison.Ordinal) ? wanted[2..] : wanted).Trim().TrimEnd('.');
                var got = text[tokenStart..tokenEnd] switch
                {
                    "String" => "a string",
                    "Number" => "a number",
                    "True" or "False" => "a boolean",
                    "StartObject" => "an object",
                    "StartArray" => "an array",
                    "Null" => "null",
                    var other => other,
                };
                return wanted switch
                {
                    "number" => $"a number, not {got}",
                    "string" => $"a string, not {got}",
                    "boolean" => $"true or false, not {got}",
                    _ => null,
                };
            }
            case FormatException { Message: var text } when text.Contains("out of bounds for a", StringComparison.Ordinal):
            {
                var type = text[(text.LastIndexOf(' ') + 1)..].TrimEnd('.');
                return Kind("System." + type);
            }
            default:
                return null;
        }
    }

    /// <summary>The serializer appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 5."; the field and position are reported apart.</summary>
    private static string WithoutLocation(string message)
    {
        var cut = message.Length;
        foreach (var marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: ", " $ | LineNumber"])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
                cut = at;
        }

        return message[..cut].TrimEnd();
    }

    private static string Kind(string typeName) => KindByTypeName.GetOrAdd(typeName, static name =>
    {
        const string nullable = "System.Nullable`1[";
        if (name.StartsWith(nullable, StringComparison.Ordinal) && name.EndsWith(']'))
            name = name[nullable.Length..^1];
        return name switch
        {
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Int32" => $"an integer between {int.MinValue.ToString(CultureInfo.InvariantCulture)} and {int.MaxValue.ToString(CultureInfo.InvariantCulture)}",
            "System.Int64" => "an integer that fits in 64 bits",
            "System.UInt64" => "a non-negative integer that fits in 64 bits",
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            "System.DateTimeOffset" or "System.DateTime" => "an ISO 8601 timestamp with an offset, e.g. 2026-03-01T12:00:00Z",
            _ when name.Contains("Dictionary`", StringComparison.Ordinal) => "a JSON object",
            _ when name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("List`", StringComparison.Ordinal)
                   || name.Contains("Enumerable`", StringComparison.Ordinal) || name.Contains("Collection`", StringComparison.Ordinal) => "a JSON array",
            _ when !name.StartsWith("System.", StringComparison.Ordinal) && EnumValues(name) is { } values => values,
            _ when name.StartsWith("System.", StringComparison.Ordinal) => "a JSON object",
            _ => "a value of the type and range the request schema gives (/openapi/v1.json)",
        };
    });

    private static string? EnumValues(string typeName)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetType(typeName, throwOnError: false) is { IsEnum: true } type)
                return $"one of the strings {string.Join(", ", Enum.GetNames(type))}";
        }

        return null;
    }
}

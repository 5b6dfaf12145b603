using Cluster.Grains.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cluster.Grains.ActorCore;

namespace Cluster.Gateway.Endpoints.Actors;

/// <summary>
/// Reads request bodies field by field so that every shape error names its field. Request records use the
/// camelCase of responses, strictly: numbers must be JSON numbers and unknown properties are rejected.
/// </summary>
internal static class RequestJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static T Read<T>(JsonElement body)
        where T : class
    {
        RequireObject(body, "$");
        try
        {
            return body.Deserialize<T>(Options)!;
        }
        catch (JsonException e)
        {
            throw new InvalidRequestException(FieldPath.FromJsonPath(e.Path, string.Empty), JsonReadError.Describe(e), e);
        }
    }

    public static void RequireObject(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException(field, $"must be a JSON object, not {element.ValueKind}");
        }
    }

    /// <summary>Rejects properties other than <paramref name="known"/>, as the typed records do.</summary>
    public static void AllowOnly(JsonElement body, params string[] known)
    {
        RequireObject(body, "$");
        foreach (var property in body.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw new InvalidRequestException(property.Name, $"is not a known property (expected {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>The text of a JSON string; escapes that are no UTF-16 text (lone surrogates) are refused like other wrong values.</summary>
    public static string Text(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidRequestException(field, $"must be a string, not {value.ValueKind}");
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidRequestException(field, "must be valid UTF-16 text; it holds an unpaired surrogate escape");
        }
    }

    /// <summary>The property's value; null when it is absent or JSON null.</summary>
    public static JsonElement? Optional(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement Required(JsonElement body, string name) =>
        Optional(body, name) ?? throw new InvalidRequestException(name, "is required");
}

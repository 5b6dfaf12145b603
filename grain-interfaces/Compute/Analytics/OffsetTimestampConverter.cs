using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// Reads ISO 8601 timestamps that state their offset (<c>Z</c> or <c>±hh:mm</c>); a timestamp without one would be
/// read in the server's time zone, so it is refused. Writes the round-trip form.
/// </summary>
public sealed class OffsetTimestampConverter : JsonConverter<DateTimeOffset>
{
    public const string Expected = "an ISO 8601 timestamp with an offset, e.g. 2026-03-01T12:00:00Z or 2026-03-01T13:00:00+01:00";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"must be {Expected}.");
        var text = reader.GetString()!;
        if (!HasOffset(text) || !DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            throw new JsonException($"must be {Expected}; got \"{text}\".");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));

    // "K" also accepts no offset at all; the text must end in Z or ±hh:mm.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^3] == ':' && (text[^6] == '+' || text[^6] == '-'));
}

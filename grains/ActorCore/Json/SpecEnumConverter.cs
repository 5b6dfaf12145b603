using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// Reads and writes an enum by its exact schema spelling (FLAT, POST_ADD, max, ...). Unlike
/// <see cref="JsonStringEnumConverter"/> it rejects other casings and numbers, as the schemas' enum lists do.
/// </summary>
internal sealed class SpecEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private readonly T[] _values = Enum.GetValues<T>();
    private readonly JsonEncodedText[] _names;
    private readonly string _expected;

    public SpecEnumConverter(JsonNamingPolicy policy)
    {
        _names = new JsonEncodedText[_values.Length];
        for (var i = 0; i < _values.Length; i++)
        {
            _names[i] = JsonEncodedText.Encode(policy.ConvertName(_values[i].ToString()));
        }

        _expected = string.Join(", ", _names.Select(n => n.Value));
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a string, one of {_expected}");
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (reader.ValueTextEquals(_names[i].EncodedUtf8Bytes))
            {
                return _values[i];
            }
        }

        throw new JsonException($"'{reader.GetString()}' is not one of {_expected}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var index = Array.IndexOf(_values, value);
        if (index < 0)
        {
            throw new JsonException($"{value} is not a defined {typeof(T).Name}");
        }

        writer.WriteStringValue(_names[index]);
    }
}

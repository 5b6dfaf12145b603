using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Cluster.Silo.Storage;

/// <summary>
/// Stores grain state as UTF-8 System.Text.Json of the state's own shape. Unlike the Orleans default (Newtonsoft
/// with <c>$type</c>), it writes no CLR type names, so renaming or moving a state class keeps its stored state
/// readable; properties are matched by name, and ones the class no longer has are skipped.
/// </summary>
/// <remarks>
/// State classes need settable or init-only properties (or a constructor the serializer can bind): get-only
/// properties are written but not read back. Members marked <c>required</c> must be present in stored state.
/// </remarks>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Uses <see cref="CreateDefaultOptions"/>.</summary>
    public JsonGrainStorageSerializer()
        : this(CreateDefaultOptions())
    {
    }

    public JsonGrainStorageSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>
    /// Web defaults (camelCase, case-insensitive reads) with enums as their names, so reordering an enum never
    /// changes stored meaning, and NaN/Infinity allowed, which plain JSON cannot hold as numbers.
    /// </summary>
    public static JsonSerializerOptions CreateDefaultOptions() => new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, _options));

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, _options);
    }
}

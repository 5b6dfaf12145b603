using System.Text.Json;
using System.Text.Json.Serialization;
using Cluster.Runtime.Messaging;

namespace Cluster.Runtime.Serialization;

/// <summary>
/// The runtime's JSON serializer for copies of call arguments and for stored state. Grain references inside
/// values serialize as their identity and come back as references bound to this runtime.
/// </summary>
public sealed class ClusterJson
{
    public ClusterJson(IGrainCallSink sink)
    {
        Options = new JsonSerializerOptions
        {
            IncludeFields = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new GrainReferenceJsonConverterFactory(sink) },
        };
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    public JsonSerializerOptions Options { get; }

    public byte[] SerializeToUtf8Bytes<T>(T value)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, Options);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new GrainSerializationException($"A value of type {typeof(T).Name} cannot be serialized: {e.Message}", e);
        }
    }

    public T? Deserialize<T>(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, Options);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new GrainSerializationException($"A value of type {typeof(T).Name} cannot be deserialized: {e.Message}", e);
        }
    }

    public T Copy<T>(T value) => value is null ? value : Deserialize<T>(SerializeToUtf8Bytes(value))!;
}

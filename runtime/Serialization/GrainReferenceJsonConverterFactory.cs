using System.Text.Json;
using System.Text.Json.Serialization;
using Cluster.Runtime.Catalog;
using Cluster.Runtime.Messaging;

namespace Cluster.Runtime.Serialization;

/// <summary>Serializes grain references as {"grainType", "key"} and reads them back as references bound to a runtime.</summary>
internal sealed class GrainReferenceJsonConverterFactory(IGrainCallSink sink) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeof(GrainReference).IsAssignableFrom(typeToConvert) || (typeToConvert.IsInterface && typeof(IGrain).IsAssignableFrom(typeToConvert) && typeToConvert != typeof(IGrain));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), sink)!;

    private sealed class Converter<T>(IGrainCallSink sink) : JsonConverter<T> where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
                return null;
            if (!typeToConvert.IsInterface)
                throw new JsonException($"Grain references must be declared as their grain interface, not as {typeToConvert.Name}.");
            string? type = null, key = null;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("A grain reference must be a JSON object.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "grainType") type = reader.GetString();
                else if (name == "key") key = reader.GetString();
            }
            if (type is null || key is null)
                throw new JsonException("A grain reference needs 'grainType' and 'key'.");
            var reference = GrainRegistry.ProxyFactory(typeToConvert)(sink, new GrainId(type, key));
            reference.ClassInfo = GrainRegistry.ForGrainType(type);
            return (T)(object)reference;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var reference = (GrainReference)(object)value;
            writer.WriteStartObject();
            writer.WriteString("grainType", reference.GrainId.Type);
            writer.WriteString("key", reference.GrainId.Key);
            writer.WriteEndObject();
        }
    }
}

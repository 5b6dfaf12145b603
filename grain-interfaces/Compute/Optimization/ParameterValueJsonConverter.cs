using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>Reads and writes a <see cref="ParameterValue"/> as a bare JSON number or string.</summary>
/// <remarks>JSON booleans are read as the choices "true" and "false": a flag is a two-valued category.</remarks>
public sealed class ParameterValueJsonConverter : JsonConverter<ParameterValue>
{
    public override ParameterValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => ParameterValue.Of(reader.GetDouble()),
            JsonTokenType.String => ParameterValue.Of(reader.GetString()!),
            JsonTokenType.True => ParameterValue.Of("true"),
            JsonTokenType.False => ParameterValue.Of("false"),
            _ => throw new JsonException($"A parameter value must be a number, a string or a boolean, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, ParameterValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Choice is { } choice)
            writer.WriteStringValue(choice);
        else
            writer.WriteNumberValue(value.Number);
    }
}

using Cluster.Grains.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// The wire format of the actor-core schemas: snake_case inputs and registries, PascalCase snapshots
/// (Snapshot.schema.json, EffectiveCaps.schema.json), exact enum spellings, unknown properties rejected.
/// The model types carry no JSON attributes, so other formats (e.g. camelCase <see cref="JsonSerializerDefaults.Web"/>
/// for <c>{primary, derived, capsUsed}</c> responses) only need other options.
/// </summary>
public static class ActorCoreJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a JSON array of subsystem outputs and validates them against <paramref name="layers"/>.</summary>
    /// <exception cref="SubsystemOutputValidationException">Malformed JSON or a broken rule; fields are <c>outputs[i]....</c>.</exception>
    public static IReadOnlyList<SubsystemOutput> ReadOutputs(string json, CapLayerRegistry layers)
    {
        var outputs = Read<List<SubsystemOutput>>(json, "outputs");
        SubsystemOutputValidator.Validate(outputs, layers);
        return outputs;
    }

    /// <summary>Reads one subsystem output and validates it against <paramref name="layers"/>.</summary>
    /// <exception cref="SubsystemOutputValidationException">Malformed JSON or a broken rule; fields are relative to the output.</exception>
    public static SubsystemOutput ReadOutput(string json, CapLayerRegistry layers)
    {
        var output = Read<SubsystemOutput>(json, string.Empty);
        SubsystemOutputValidator.Validate(output, layers);
        return output;
    }

    /// <summary>
    /// Reads one subsystem output nested in a larger JSON body, checking its shape only: the engine rules need the
    /// cap-layer registry, so whoever resolves the output validates it. Fields are reported under <paramref name="root"/>.
    /// </summary>
    /// <exception cref="SubsystemOutputValidationException">The JSON does not have the schema's shape.</exception>
    public static SubsystemOutput ParseOutput(JsonElement element, string root) => Read<SubsystemOutput>(element, root);

    /// <summary>Reads an array of subsystem outputs nested in a larger JSON body, checking its shape only (see <see cref="ParseOutput"/>).</summary>
    /// <exception cref="SubsystemOutputValidationException">The JSON does not have the schema's shape; fields are <c>root[i]....</c>.</exception>
    public static IReadOnlyList<SubsystemOutput> ParseOutputs(JsonElement element, string root) => Read<List<SubsystemOutput>>(element, root);

    /// <summary>Reads a combiner registry document nested in a larger JSON body; its rules are checked by <see cref="CombinerRegistry.FromDocument"/>.</summary>
    /// <exception cref="RegistryValidationException">The JSON does not have the schema's shape.</exception>
    public static CombinerRegistryDocument ParseCombinerRegistry(JsonElement element, string root) =>
        RegistryDocument.FromElement<CombinerRegistryDocument>(element, root);

    /// <summary>Reads the <c>dimensions</c> map of a combiner registry, nested at <paramref name="root"/> of a larger JSON body.</summary>
    /// <exception cref="RegistryValidationException">The JSON does not have the schema's shape.</exception>
    public static CombinerRegistryDocument ParseDimensions(JsonElement element, string root) =>
        new() { Dimensions = RegistryDocument.FromElement<Dictionary<string, MergeRule>>(element, root) };

    /// <summary>Reads a cap-layer registry document nested in a larger JSON body; its rules are checked by <see cref="CapLayerRegistry.FromDocument"/>.</summary>
    /// <exception cref="RegistryValidationException">The JSON does not have the schema's shape.</exception>
    public static CapLayerRegistryDocument ParseCapLayerRegistry(JsonElement element, string root) =>
        RegistryDocument.FromElement<CapLayerRegistryDocument>(element, root);

    private static T Read<T>(string json, string root)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw NullAt(root);
        }
        catch (JsonException e)
        {
            throw new SubsystemOutputValidationException(FieldPath.FromJsonPath(e.Path, root), JsonReadError.Describe(e), e);
        }
    }

    private static T Read<T>(JsonElement element, string root)
        where T : class
    {
        try
        {
            return element.Deserialize<T>(Options) ?? throw NullAt(root);
        }
        catch (JsonException e)
        {
            throw new SubsystemOutputValidationException(FieldPath.FromJsonPath(e.Path, root), JsonReadError.Describe(e), e);
        }
    }

    private static SubsystemOutputValidationException NullAt(string root) => new(root.Length == 0 ? "$" : root, "must not be null");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { KeepPascalCaseForSnapshots } },
        };
        options.Converters.Add(new SpecEnumConverter<Bucket>(JsonNamingPolicy.SnakeCaseUpper));
        options.Converters.Add(new SpecEnumConverter<CapMode>(JsonNamingPolicy.SnakeCaseUpper));
        options.Converters.Add(new SpecEnumConverter<CapKind>(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new SpecEnumConverter<CombineOperator>(JsonNamingPolicy.SnakeCaseUpper));
        options.Converters.Add(new SpecEnumConverter<AcrossLayerPolicy>(JsonNamingPolicy.SnakeCaseUpper));
        options.MakeReadOnly();
        return options;
    }

    // The snapshot schemas spell their properties in PascalCase, unlike every input schema.
    private static void KeepPascalCaseForSnapshots(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(Snapshot) && typeInfo.Type != typeof(CapRange))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider is System.Reflection.MemberInfo member)
            {
                property.Name = member.Name;
            }
        }
    }
}

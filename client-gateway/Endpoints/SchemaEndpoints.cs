using System.Collections.Frozen;
using Cluster.Gateway.OpenApi;

namespace Cluster.Gateway.Endpoints;

public static class SchemaEndpoints
{
    private const string Prefix = "schemas/";

    // Read once at start-up: a handful of small files.
    private static readonly FrozenDictionary<string, byte[]> Schemas = Load();

    /// <summary>
    /// GET /schemas/{name}: the actor-core JSON schemas (draft 2020-12) that subsystem outputs, registries and
    /// snapshots follow, e.g. SubsystemOutput.schema.json and Registry.schema.json. Public, like the API reference.
    /// </summary>
    public static void MapSchemaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/schemas/{name}", (string name) =>
                Schemas.TryGetValue(name, out var schema)
                    ? Results.Bytes(schema, "application/schema+json")
                    : throw new KeyNotFoundException($"There is no schema '{name}'; there are {string.Join(", ", Schemas.Keys.Order(StringComparer.Ordinal))}."))
            .WithTags("schemas")
            .WithSummary("An actor-core JSON schema: SubsystemOutput, Contribution, CapContribution, Registry, MergeRule, CapLayerRegistry, Snapshot, EffectiveCaps")
            .Produces(StatusCodes.Status200OK, contentType: "application/schema+json")
            .WithRequestExample(null, ("name", "SubsystemOutput.schema.json"));
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(SchemaEndpoints).Assembly;
        var schemas = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            schemas[resource[Prefix.Length..]] = copy.ToArray();
        }

        return schemas.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

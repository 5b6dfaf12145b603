using System.Globalization;
using System.Text.Json.Nodes;
using Cluster.Gateway.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Cluster.Gateway.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document at /openapi/v1.json and the reference page at /docs. Endpoints describe themselves with
/// summaries and <see cref="RequestExample"/>s; this adds what every endpoint shares: the API key scheme, the
/// problem+json errors, and the ranges of <see cref="DocumentedRanges"/>. The document is built only when it is
/// requested, so the API's own requests pay nothing for it.
/// </summary>
public static class GatewayOpenApi
{
    private const string ProblemSchema = "Problem";
    private const string KeyScheme = "ApiKey";

    /// <summary>Operation extension naming the tenant-key capability an operation needs and whether the admin key also passes.</summary>
    public const string TenantKeyExtension = "x-tenant-key";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddSchemaTransformer(StateRanges);
            options.AddDocumentTransformer(Describe);
        });

    public static void MapGatewayReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options.WithTitle("Cluster gateway API").AddDocument("v1"));
    }

    private static Task StateRanges(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not { } property)
            return Task.CompletedTask;
        var key = (property.DeclaringType, property.Name);
        if (DocumentedRanges.Numbers.TryGetValue(key, out var range))
        {
            schema.Minimum = range.Min.ToString(CultureInfo.InvariantCulture);
            if (range.Max is { } max)
                schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        }

        if (DocumentedRanges.Spellings.TryGetValue(key, out var spellings))
        {
            schema.Enum = [];
            foreach (var spelling in spellings)
                schema.Enum.Add(JsonValue.Create(spelling));
        }

        if (DocumentedRanges.Descriptions.TryGetValue(key, out var description))
            schema.Description = description;
        return Task.CompletedTask;
    }

    private static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Cluster gateway API",
            Version = "v1",
            Description = "Game actors, their registries, game search, agent selection, optimisation studies and execution analytics. " +
                          "Every /api/v1 call needs an API key in the X-API-Key header; admin calls need the admin key. " +
                          "Request and response properties are camelCase, except inside actor subsystem outputs and registries, " +
                          "which keep the actor-core schemas' snake_case with UPPER_CASE enum values (bucket, mode, operator, across_policy) " +
                          "and lowercase cap kinds (min, max); snapshots are camelCase envelopes keyed by the dimension names. " +
                          "Unknown properties are refused. Every error is application/problem+json with a field (a JSON path) where one applies.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeys.Header,
            Description = "A client key (Cluster:ApiKeys), the admin key (Cluster:AdminKey), or on tenant endpoints a tenant key (sk-…) with the capability they need.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();

        document.Paths["/metrics"] = Metrics(document);
        foreach (var group in context.DescriptionGroups)
        {
            foreach (var description in group.Items)
            {
                if (description.RelativePath is not { } relative || description.HttpMethod is not { } method)
                    continue;
                var path = "/" + relative.Split('?')[0].TrimEnd('/');
                if (document.Paths.TryGetValue(path, out var item) && item.Operations is { } operations
                    && operations.TryGetValue(new HttpMethod(method), out var operation))
                {
                    Complete(document, path, operation, description.ActionDescriptor.EndpointMetadata);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Complete(OpenApiDocument document, string path, OpenApiOperation operation, IList<object> metadata)
    {
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        var admin = metadata.OfType<AdminOnly>().Any();
        var tenant = metadata.OfType<TenantCapabilityRequirement>().LastOrDefault();
        if (api || path == "/metrics")
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [] }];
        if (metadata.OfType<RequestExample>().LastOrDefault() is { } example)
        {
            if (example.Body is not null && operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values)
                    media.Example = JsonNode.Parse(example.Body);
            }

            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is OpenApiParameter concrete && parameter.Name is { } name && example.PathValues.TryGetValue(name, out var value))
                    concrete.Example = JsonValue.Create(value);
            }
        }

        operation.Responses ??= new OpenApiResponses();
        var hasBody = operation.RequestBody is not null;
        var hasInput = hasBody || operation.Parameters is { Count: > 0 };
        AddProblem(document, operation, "400", "Invalid input: the problem's field names the offending JSON path.", hasInput);
        AddProblem(document, operation, "401", "Missing or unknown API key.", api);
        AddProblem(document, operation, "403", "The admin key is required.", admin);
        AddProblem(document, operation, "403", $"The tenant key lacks the {tenant?.Capability.ToString().ToLowerInvariant()} capability.", tenant is not null);
        if (tenant is not null)
        {
            // Which key a client needs, readable by tools: {"capability": "retrieve", "adminKey": false}.
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[TenantKeyExtension] = new JsonNodeExtension(new JsonObject
            {
                ["capability"] = tenant.Capability.ToString().ToLowerInvariant(),
                ["adminKey"] = tenant.AllowsAdmin,
            });
        }
        AddProblem(document, operation, "404", "Nothing with that id exists.", path.Contains('{', StringComparison.Ordinal));
        AddProblem(document, operation, "409", "Conflicts with the current state (a stale expected version, a finished trial, or stored state that needs repair).", api);
        AddProblem(document, operation, "413", "The body is over the size limit.", hasBody);
        AddProblem(document, operation, "415", "The body was not sent as application/json.", hasBody);
        AddProblem(document, operation, "500", "An unexpected error; nothing was changed by it.", true);
        AddProblem(document, operation, "503", "The cluster is unavailable.", api);
    }

    private static void AddProblem(OpenApiDocument document, OpenApiOperation operation, string status, string description, bool applies)
    {
        if (!applies || operation.Responses!.ContainsKey(status))
            return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }

    /// <summary>The Prometheus scrape endpoint is no route handler, so it is described here.</summary>
    private static OpenApiPathItem Metrics(OpenApiDocument document) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                Summary = "Prometheus metrics of the gateway (admin key)",
                Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [] }],
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse
                    {
                        Description = "Metrics in the Prometheus text format.",
                        Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
                    },
                    ["401"] = new OpenApiResponse { Description = "Missing or unknown key." },
                    ["403"] = new OpenApiResponse { Description = "The admin key is required." },
                },
            },
        },
    };

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What is wrong and what to do, in the API's terms." },
            ["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "JSON path of the offending field, e.g. outputs[2].value; $ for the whole body." },
            ["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Malformed JSON: 1-based line of the error." },
            ["position"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Malformed JSON: 1-based byte position in the line." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}

namespace Cluster.Gateway.OpenApi;

/// <summary>
/// Endpoint metadata: an example request that the OpenAPI document shows (body and path values) and that succeeds on
/// a fresh gateway when the documented examples are sent in document order.
/// </summary>
public sealed record RequestExample(string? Body, IReadOnlyDictionary<string, string> PathValues);

public static class RequestExampleExtensions
{
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, string? body, params (string Name, string Value)[] pathValues)
        where TBuilder : IEndpointConventionBuilder
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pathValues)
            values[name] = value;
        return builder.WithMetadata(new RequestExample(body, values));
    }
}

using System.Text.Json.Nodes;

namespace Cluster.Tests.Gateway;

/// <summary>One example request of the OpenAPI document: the operation, its example body and parameter values, and the statuses it documents.</summary>
public sealed record DocumentedExample(
    string Method,
    string PathTemplate,
    JsonNode? Body,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyDictionary<string, string> QueryValues,
    IReadOnlySet<int> Statuses,
    bool NeedsTenantKey = false)
{
    public bool IsWrite => Method is "POST" or "PUT";

    public override string ToString() => $"{Method} {PathTemplate}";

    /// <summary>The examples of <paramref name="document"/>, in document order, for operations whose every parameter has an example.</summary>
    public static IReadOnlyList<DocumentedExample> All(JsonObject document)
    {
        var examples = new List<DocumentedExample>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                var operation = operationNode!.AsObject();
                var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
                var queryValues = new Dictionary<string, string>(StringComparer.Ordinal);
                var complete = true;
                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    var name = parameter!["name"]!.GetValue<string>();
                    var example = parameter["example"]?.GetValue<string>();
                    var required = parameter["required"]?.GetValue<bool>() ?? false;
                    if (example is null)
                    {
                        complete &= !required && parameter["in"]!.GetValue<string>() != "path";
                        continue;
                    }

                    (parameter["in"]!.GetValue<string>() == "path" ? pathValues : queryValues)[name] = example;
                }

                var body = operation["requestBody"]?["content"]?["application/json"]?["example"];
                if (operation["requestBody"] is not null && body is null)
                    complete = false;
                if (!complete)
                    continue;
                var statuses = new HashSet<int>();
                foreach (var (status, _) in operation["responses"]!.AsObject())
                    statuses.Add(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
                var tenantOnly = operation["x-tenant-key"]?["adminKey"]?.GetValue<bool>() == false;
                examples.Add(new DocumentedExample(method.ToUpperInvariant(), path, body?.DeepClone(), pathValues, queryValues, statuses, tenantOnly));
            }
        }

        return examples;
    }
}

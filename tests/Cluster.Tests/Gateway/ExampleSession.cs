using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cluster.Tests.Gateway;

/// <summary>
/// Sends documented examples to a gateway the way a client following the reference would: ids the gateway hands out
/// (studyId, trialId, jobId) are taken from earlier answers in place of the document's placeholders, and so is the id a
/// POST to a collection answered (<c>{"id": …}</c>) for the path parameter that follows that collection. Operations
/// that only a tenant key may call are sent with the key <c>POST /api/v1/tenants</c> answered.
/// </summary>
public sealed class ExampleSession(HttpClient http)
{
    private const string Tenants = "/api/v1/tenants";

    private readonly Dictionary<string, string> _issued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _issuedByCollection = new(StringComparer.Ordinal);
    private string? _tenantKey;

    /// <summary>
    /// Writes first in document order (those that need a tenant key after the others, so the tenant exists), then
    /// reads, then deletes in reverse order so parts go before their owners.
    /// </summary>
    public static IEnumerable<DocumentedExample> InRunOrder(IReadOnlyList<DocumentedExample> examples) =>
        examples.Where(e => e.IsWrite && !e.NeedsTenantKey)
            .Concat(examples.Where(e => e.IsWrite && e.NeedsTenantKey))
            .Concat(examples.Where(e => e.Method == "GET"))
            .Concat(examples.Where(e => e.Method == "DELETE").Reverse());

    public async Task<HttpResponseMessage> SendAsync(DocumentedExample example, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(example.Method), Url(example));
        var json = body ?? example.Body?.ToJsonString();
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (example.NeedsTenantKey && _tenantKey is not null)
            request.Headers.Add("X-API-Key", _tenantKey);
        var response = await http.SendAsync(request);
        await RememberIssuedIdsAsync(example, response);
        return response;
    }

    public string Url(DocumentedExample example)
    {
        var path = example.PathTemplate;
        foreach (var (name, value) in example.PathValues)
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(_issued.GetValueOrDefault(name) ?? IssuedIn(example.PathTemplate, name) ?? value), StringComparison.Ordinal);
        if (example.QueryValues.Count > 0)
            path += "?" + string.Join('&', example.QueryValues.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
        return path;
    }

    /// <summary>
    /// The id issued by the collection that <c>{name}</c> follows in <paramref name="template"/>, e.g. /tenants for
    /// /tenants/{id}; else by a collection of the same name elsewhere (sessions created under a knowledge base are
    /// addressed as /sessions/{sessionId}).
    /// </summary>
    private string? IssuedIn(string template, string name)
    {
        var at = template.IndexOf("/{" + name + "}", StringComparison.Ordinal);
        if (at < 0)
            return null;
        var collection = template[..at];
        if (_issuedByCollection.TryGetValue(collection, out var issued))
            return issued;
        var segment = collection[collection.LastIndexOf('/')..];
        foreach (var (other, id) in _issuedByCollection)
        {
            if (other.EndsWith(segment, StringComparison.Ordinal))
                return id;
        }

        return null;
    }

    private async Task RememberIssuedIdsAsync(DocumentedExample example, HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
            return;
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if (node is not JsonObject answer)
            return;
        // The first tenant and the first id of each collection stay the examples' own: resources that accepted
        // variations of an example create later must not move the reads off the ones the examples built.
        if (example.Method == "POST" && example.PathTemplate == Tenants && answer["apiKey"] is JsonValue key)
            _tenantKey ??= key.GetValue<string>();
        if (example.Method == "POST" && answer["id"] is JsonValue issued && issued.GetValueKind() == JsonValueKind.String)
            _issuedByCollection.TryAdd(example.PathTemplate, issued.GetValue<string>());
        foreach (var id in (ReadOnlySpan<string>)["studyId", "trialId", "jobId"])
        {
            if (answer[id] is JsonValue value)
                _issued[id] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }
    }
}

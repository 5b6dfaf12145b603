using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cluster.Tests.Gateway;

/// <summary>
/// Sends documented examples to a gateway the way a client following the reference would: ids the gateway hands out
/// (studyId, trialId, jobId) are taken from earlier answers in place of the document's placeholders.
/// </summary>
public sealed class ExampleSession(HttpClient http)
{
    private readonly Dictionary<string, string> _issued = new(StringComparer.Ordinal);

    /// <summary>Writes first in document order, then reads, then deletes in reverse order so parts go before their owners.</summary>
    public static IEnumerable<DocumentedExample> InRunOrder(IReadOnlyList<DocumentedExample> examples) =>
        examples.Where(e => e.IsWrite)
            .Concat(examples.Where(e => e.Method == "GET"))
            .Concat(examples.Where(e => e.Method == "DELETE").Reverse());

    public async Task<HttpResponseMessage> SendAsync(DocumentedExample example, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(example.Method), Url(example));
        var json = body ?? example.Body?.ToJsonString();
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await http.SendAsync(request);
        await RememberIssuedIdsAsync(response);
        return response;
    }

    public string Url(DocumentedExample example)
    {
        var path = example.PathTemplate;
        foreach (var (name, value) in example.PathValues)
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(_issued.GetValueOrDefault(name, value)), StringComparison.Ordinal);
        if (example.QueryValues.Count > 0)
            path += "?" + string.Join('&', example.QueryValues.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
        return path;
    }

    private async Task RememberIssuedIdsAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
            return;
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if (node is not JsonObject answer)
            return;
        foreach (var id in (ReadOnlySpan<string>)["studyId", "trialId", "jobId"])
        {
            if (answer[id] is JsonValue value)
                _issued[id] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }
    }
}

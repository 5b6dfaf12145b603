using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cluster.Tests.Gateway;
using Xunit;

namespace Cluster.Tests.Knowledge.Http;

/// <summary>What a client of the knowledge API does, over HTTP: tenants, keys, knowledge bases, documents, search.</summary>
public sealed class KnowledgeApi(GatewayHost gateway)
{
    /// <summary>A new tenant and its first key (every capability).</summary>
    public async Task<Tenant> CreateTenantAsync(long quotaBytes = 10_000_000)
    {
        using var admin = gateway.Admin();
        var created = await ReadAsync(await admin.PostAsync("/api/v1/tenants", Json($$"""{"name":"tenant {{Guid.NewGuid():N}}","storageQuotaBytes":{{quotaBytes}}}""")), HttpStatusCode.Created);
        return new Tenant(created["id"]!.GetValue<string>(), gateway.Client(created["apiKey"]!.GetValue<string>()));
    }

    /// <summary>Another key of <paramref name="tenant"/> with only <paramref name="capabilities"/>.</summary>
    public async Task<HttpClient> KeyAsync(Tenant tenant, params string[] capabilities)
    {
        var body = JsonSerializer.Serialize(new { capabilities });
        var created = await ReadAsync(await tenant.Http.PostAsync($"/api/v1/tenants/{tenant.Id}/keys", Json(body)), HttpStatusCode.Created);
        return gateway.Client(created["apiKey"]!.GetValue<string>());
    }

    public async Task<long> UsedBytesAsync(Tenant tenant)
    {
        var info = await ReadAsync(await tenant.Http.GetAsync($"/api/v1/tenants/{tenant.Id}"), HttpStatusCode.OK);
        return info["usage"]!["storageUsedBytes"]!.GetValue<long>();
    }

    public static async Task<string> CreateKnowledgeBaseAsync(HttpClient http, string body = """{"name":"handbook"}""")
    {
        var created = await ReadAsync(await http.PostAsync("/api/v1/knowledge-bases", Json(body)), HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> UploadTextAsync(HttpClient http, string kbId, string title, string text, string? externalId = null) =>
        http.PostAsync($"/api/v1/knowledge-bases/{kbId}/documents",
            Json(JsonSerializer.Serialize(new { title, text, externalId, metadata = new Dictionary<string, string> { ["source"] = "test" } })));

    public static Task<HttpResponseMessage> UploadFileAsync(HttpClient http, string kbId, byte[] content, string fileName, string? contentType = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        if (contentType is not null)
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return http.PostAsync($"/api/v1/knowledge-bases/{kbId}/documents", form);
    }

    /// <summary>Uploads and returns the accepted document's id.</summary>
    public static async Task<string> AcceptedIdAsync(Task<HttpResponseMessage> upload)
    {
        var accepted = await ReadAsync(await upload, HttpStatusCode.Accepted);
        Assert.Equal("pending", accepted["status"]!.GetValue<string>());
        return accepted["id"]!.GetValue<string>();
    }

    /// <summary>Polls the document until it is completed or failed; returns it.</summary>
    public static async Task<JsonObject> FinishedAsync(HttpClient http, string kbId, string docId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var document = await ReadAsync(await http.GetAsync($"/api/v1/knowledge-bases/{kbId}/documents/{docId}"), HttpStatusCode.OK);
            var status = document["status"]!.GetValue<string>();
            if (status is "completed" or "failed")
                return document;
            Assert.True(DateTime.UtcNow < deadline, $"document {docId} is still {status}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until the knowledge base's version reaches <paramref name="version"/>: a document's status says completed
    /// as soon as its chunks are stored, and the knowledge base indexes it (moving the version) just after.
    /// </summary>
    public static async Task WaitForVersionAsync(HttpClient http, string kbId, long version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ReadAsync(await http.GetAsync($"/api/v1/knowledge-bases/{kbId}"), HttpStatusCode.OK))["version"]!.GetValue<long>() < version)
        {
            Assert.True(DateTime.UtcNow < deadline, $"knowledge base {kbId} did not reach version {version}");
            await Task.Delay(20);
        }
    }

    public static async Task<JsonObject> SearchAsync(HttpClient http, string kbId, string query, string mode = "hybrid", int topK = 5)
    {
        var body = JsonSerializer.Serialize(new { query, mode, topK });
        return await ReadAsync(await http.PostAsync($"/api/v1/knowledge-bases/{kbId}/search", Json(body)), HttpStatusCode.OK);
    }

    public static IEnumerable<string> DocumentIds(JsonObject results) =>
        results["results"]!.AsArray().Select(r => r!["documentId"]!.GetValue<string>());

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} (expected {(int)expected}): {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await ReadAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return problem;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

/// <summary>A tenant and a client carrying its first key.</summary>
public sealed record Tenant(string Id, HttpClient Http);

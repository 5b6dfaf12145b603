using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cluster.Tests.Gateway;
using Xunit;

namespace Cluster.Tests.Knowledge.Tenants;

public sealed class TenantEndpointTests(TenantGatewayFixture fixture) : IClassFixture<TenantGatewayFixture>
{
    private GatewayHost Gateway => fixture.Gateway;

    private async Task<(string Id, string Key)> CreateTenantAsync(string name = "Acme")
    {
        using var admin = Gateway.Admin();
        var response = await admin.PostAsJsonAsync("/api/v1/tenants", new { name, storageQuotaBytes = 1_000_000 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"/api/v1/tenants/{body["id"]}", response.Headers.Location?.OriginalString);
        return (body["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
    }

    private async Task<(string Id, string Key)> CreateKeyAsync(string tenantId, string managerKey, object spec)
    {
        using var client = Gateway.Client(managerKey);
        var response = await client.PostAsJsonAsync($"/api/v1/tenants/{tenantId}/keys", spec);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> GetAsync(string? key, string path)
    {
        using var client = Gateway.Client(key);
        return await client.GetAsync(path);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotMatch("sk-[0-9a-f]{16}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_admin_creates_a_tenant_whose_first_key_manages_it()
    {
        var (id, key) = await CreateTenantAsync("Acme support");

        var response = await GetAsync(key, $"/api/v1/tenants/{id}");
        var tenant = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.StartsWith("sk-", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Acme support", tenant["name"]!.GetValue<string>());
        Assert.Equal("active", tenant["status"]!.GetValue<string>());
        Assert.Equal(1_000_000, tenant["usage"]!["storageQuotaBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task Only_the_admin_key_creates_tenants()
    {
        var (_, tenantKey) = await CreateTenantAsync();
        using var client = Gateway.Client();
        using var tenant = Gateway.Client(tenantKey);

        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/tenants", new { name = "x" }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await tenant.PostAsJsonAsync("/api/v1/tenants", new { name = "x" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tenant_key_gets_not_found_for_everything_of_another_tenant()
    {
        var (_, keyA) = await CreateTenantAsync("A");
        var (idB, keyB) = await CreateTenantAsync("B");
        var (keyIdB, _) = await CreateKeyAsync(idB, keyB, new { capabilities = new[] { "retrieve" } });
        using var a = Gateway.Client(keyA);

        await AssertProblemAsync(await a.GetAsync($"/api/v1/tenants/{idB}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await a.GetAsync($"/api/v1/tenants/{idB}/keys"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await a.PostAsJsonAsync($"/api/v1/tenants/{idB}/keys", new { capabilities = new[] { "manage" } }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await a.DeleteAsync($"/api/v1/tenants/{idB}/keys/{keyIdB}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await a.GetAsync($"/api/v1/tenants/{Guid.NewGuid():N}"), HttpStatusCode.NotFound);

        var keysOfB = await (await GetAsync(keyB, $"/api/v1/tenants/{idB}/keys")).Content.ReadFromJsonAsync<JsonArray>();
        Assert.Equal(2, keysOfB!.Count);
        Assert.All(keysOfB, k => Assert.Null(k!["revokedAt"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Keys_are_listed_without_secrets_and_a_revoked_key_is_refused()
    {
        var (id, manager) = await CreateTenantAsync();
        var (keyId, key) = await CreateKeyAsync(id, manager, new { capabilities = new[] { "retrieve" } });
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(key, "/api/v1/probe/kb-1")).StatusCode);

        var listing = await (await GetAsync(manager, $"/api/v1/tenants/{id}/keys")).Content.ReadAsStringAsync();
        using var client = Gateway.Client(manager);
        var revoked = await client.DeleteAsync($"/api/v1/tenants/{id}/keys/{keyId}");

        Assert.Contains($"\"prefix\":\"sk-{keyId}\"", listing, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(manager, listing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await AssertProblemAsync(await GetAsync(key, "/api/v1/probe/kb-1"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/tenants/{id}/keys/0123456789abcdef"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Capabilities_are_enforced_and_the_caller_is_the_keys_tenant()
    {
        var (id, manager) = await CreateTenantAsync();
        var (_, retriever) = await CreateKeyAsync(id, manager, new { capabilities = new[] { "retrieve" } });
        var (_, ingester) = await CreateKeyAsync(id, manager, new { capabilities = new[] { "ingest", "chat" } });

        var probe = await GetAsync(retriever, "/api/v1/probe/kb-1");

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(id, (await probe.Content.ReadFromJsonAsync<TenantGatewayFixture.Probe>())!.TenantId);
        await AssertProblemAsync(await GetAsync(ingester, "/api/v1/probe/kb-1"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await GetAsync(retriever, $"/api/v1/tenants/{id}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await GetAsync(retriever, $"/api/v1/tenants/{id}/keys"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_knowledge_base_outside_the_keys_allow_list_is_not_found()
    {
        var (id, manager) = await CreateTenantAsync();
        var (_, key) = await CreateKeyAsync(id, manager, new { capabilities = new[] { "retrieve" }, knowledgeBaseIds = new[] { "kb-a" } });

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(key, "/api/v1/probe/kb-a")).StatusCode);
        await AssertProblemAsync(await GetAsync(key, "/api/v1/probe/kb-b"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(manager, "/api/v1/probe/kb-b")).StatusCode);
    }

    [Fact]
    public async Task Missing_unknown_and_non_tenant_keys_are_unauthorized_on_tenant_routes()
    {
        await AssertProblemAsync(await GetAsync(null, "/api/v1/probe/kb-1"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await GetAsync("sk-0123456789abcdef_" + new string('a', 43), "/api/v1/probe/kb-1"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await GetAsync(GatewayHost.ClientKey, "/api/v1/probe/kb-1"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await GetAsync(GatewayHost.AdminKey, "/api/v1/probe/kb-1"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_key_is_unauthorized()
    {
        var (id, manager) = await CreateTenantAsync();
        var (_, key) = await CreateKeyAsync(id, manager, new { capabilities = new[] { "retrieve" }, expiresAt = DateTimeOffset.UtcNow.AddSeconds(1) });
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(key, "/api/v1/probe/kb-1")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(1.2));

        await AssertProblemAsync(await GetAsync(key, "/api/v1/probe/kb-1"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_reference_names_the_tenant_key_a_route_needs_and_its_examples_run_with_the_tenant_key()
    {
        var document = await OpenApiDocumentTests.DocumentAsync(Gateway);
        var probe = document["paths"]!["/api/v1/probe/{kbId}"]!["get"]!["x-tenant-key"]!;
        var examples = DocumentedExample.All(document)
            .Where(e => e.PathTemplate.StartsWith("/api/v1/tenants", StringComparison.Ordinal) || e.PathTemplate.StartsWith("/api/v1/probe", StringComparison.Ordinal))
            .ToList();
        var session = new ExampleSession(Gateway.Admin());

        Assert.Equal("retrieve", probe["capability"]!.GetValue<string>());
        Assert.False(probe["adminKey"]!.GetValue<bool>());
        Assert.Contains(examples, e => e.NeedsTenantKey);
        foreach (var example in ExampleSession.InRunOrder(examples))
        {
            var response = await session.SendAsync(example);
            Assert.True(response.IsSuccessStatusCode, $"{example} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("""{"capabilities":["fly"]}""", "capabilities[0]")]
    [InlineData("""{"capabilities":[]}""", "capabilities")]
    [InlineData("""{"capabilities":["retrieve"],"expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"capabilities":["retrieve"],"knowledgeBaseIds":[""]}""", "knowledgeBaseIds[0]")]
    public async Task Invalid_key_requests_are_refused_naming_the_field_and_create_nothing(string body, string field)
    {
        var (id, manager) = await CreateTenantAsync();
        using var client = Gateway.Client(manager);

        var response = await client.PostAsync($"/api/v1/tenants/{id}/keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Single((await (await GetAsync(manager, $"/api/v1/tenants/{id}/keys")).Content.ReadFromJsonAsync<JsonArray>())!);
    }
}

using System.Net;
using Cluster.Tests.Gateway;
using Xunit;
using static Cluster.Tests.Knowledge.Http.KnowledgeApi;

namespace Cluster.Tests.Knowledge.Http;

/// <summary>The embedded default (no configuration: storage in memory) serves the knowledge API end to end.</summary>
public sealed class EmbeddedGatewayKnowledgeTests
{
    [Fact]
    public async Task The_embedded_default_ingests_a_document_and_finds_it()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var tenant = await new KnowledgeApi(gateway).CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);

        var doc = await AcceptedIdAsync(UploadFileAsync(tenant.Http, kb, "# Comets\n\nA comet's tail always points away from the sun."u8.ToArray(), "comets.md"));
        var finished = await FinishedAsync(tenant.Http, kb, doc);
        await WaitForVersionAsync(tenant.Http, kb, 1);

        Assert.Equal("completed", finished["status"]!.GetValue<string>());
        var hit = (await SearchAsync(tenant.Http, kb, "why does a comet tail point away from the sun", "hybrid", 1))["results"]!.AsArray().Single()!;
        Assert.Equal(doc, hit["documentId"]!.GetValue<string>());
        Assert.Equal(["Comets"], hit["headingPath"]!.AsArray().Select(h => h!.GetValue<string>()));
        await ProblemAsync(await UploadFileAsync(tenant.Http, kb, "# Comets\n\nA comet's tail always points away from the sun."u8.ToArray(), "again.md"), HttpStatusCode.Conflict);
    }
}

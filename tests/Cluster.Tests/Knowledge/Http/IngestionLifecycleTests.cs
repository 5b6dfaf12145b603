using System.Net;
using Cluster.Grains.Knowledge.Ingestion;
using Cluster.Grains.Knowledge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Cluster.Tests.Knowledge.Http.KnowledgeApi;

namespace Cluster.Tests.Knowledge.Http;

/// <summary>Status transitions, failures, recovery of work a stopped silo left, reprocessing and re-embedding.</summary>
[Collection(KnowledgeGatewayCollection.Name)]
public sealed class IngestionLifecycleTests(KnowledgeGatewayFixture fixture)
{
    [Fact]
    public async Task A_document_left_processing_by_a_stopped_silo_is_finished_by_the_recovery_scan()
    {
        var tenant = await fixture.Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var store = fixture.Gateway.Services.GetRequiredService<IKnowledgeStore>();
        // The state a silo leaves when it dies mid-ingestion: the document stored and claimed, its claim run out, no
        // chunks, and no worker anywhere that will finish it.
        var parsed = DocumentParser.ParseText("Orphan", "Salmon swim upstream to spawn in the river where they hatched.");
        var orphan = new NewDocument(Guid.CreateVersion7().ToString("N"), kb, null, parsed.Title, parsed.ContentHash, 64, null, null,
            parsed.Format, null, parsed.Sections, new Dictionary<string, string>());
        Assert.Null(await store.AddDocumentsAsync([orphan], default));
        Assert.NotNull(await store.ClaimDocumentAsync(kb, orphan.Id, TimeSpan.FromMilliseconds(1), default));
        Assert.Equal("processing", (await ReadAsync(await tenant.Http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents/{orphan.Id}"), HttpStatusCode.OK))["status"]!.GetValue<string>());

        var finished = await FinishedAsync(tenant.Http, kb, orphan.Id);

        Assert.Equal("completed", finished["status"]!.GetValue<string>());
        await WaitForVersionAsync(tenant.Http, kb, 1);
        Assert.Equal([orphan.Id], DocumentIds(await SearchAsync(tenant.Http, kb, "salmon spawn river", "keyword")));
    }

    [Fact]
    public async Task A_scan_offers_nothing_once_every_document_is_finished()
    {
        var tenant = await fixture.Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        await FinishedAsync(tenant.Http, kb, await AcceptedIdAsync(UploadTextAsync(tenant.Http, kb, "Done", "Finished documents are not offered again.")));
        var store = fixture.Gateway.Services.GetRequiredService<IKnowledgeStore>();

        var unfinished = await store.FindUnfinishedAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 10_000, default);

        Assert.DoesNotContain(unfinished, d => d.KnowledgeBaseId == kb);
    }

    [Fact]
    public async Task An_unreachable_embedding_endpoint_is_retried_then_recorded_as_the_documents_failure_and_reprocessing_retries_it()
    {
        var tenant = await fixture.Api.CreateTenantAsync();
        // Nothing listens on the discard port, so every embedding call fails as a transient connection error.
        var kb = await CreateKnowledgeBaseAsync(tenant.Http,
            """{"name":"remote","embedding":{"provider":"openai","model":"nomic-embed-text","endpoint":"http://127.0.0.1:9/v1"}}""");
        var doc = await AcceptedIdAsync(UploadTextAsync(tenant.Http, kb, "Remote", "This text cannot be embedded."));

        var failed = await FinishedAsync(tenant.Http, kb, doc);

        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(failed["error"]!.GetValue<string>()));
        var again = await ReadAsync(await tenant.Http.PostAsync($"/api/v1/knowledge-bases/{kb}/documents/{doc}/reprocess", null), HttpStatusCode.Accepted);
        Assert.Equal("pending", again["status"]!.GetValue<string>());
        Assert.Equal("failed", (await FinishedAsync(tenant.Http, kb, doc))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reprocessing_a_document_still_being_ingested_leaves_it_to_its_worker()
    {
        var tenant = await fixture.Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var store = fixture.Gateway.Services.GetRequiredService<IKnowledgeStore>();
        var parsed = DocumentParser.ParseText("Held", "A document a worker holds right now.");
        var held = new NewDocument(Guid.CreateVersion7().ToString("N"), kb, null, parsed.Title, parsed.ContentHash, 36, null, null,
            parsed.Format, null, parsed.Sections, new Dictionary<string, string>());
        await store.AddDocumentsAsync([held], default);
        await store.ClaimDocumentAsync(kb, held.Id, TimeSpan.FromMinutes(5), default);

        var answer = await ReadAsync(await tenant.Http.PostAsync($"/api/v1/knowledge-bases/{kb}/documents/{held.Id}/reprocess", null), HttpStatusCode.Accepted);
        Assert.Equal("processing", answer["status"]!.GetValue<string>());
        var stored = await store.GetDocumentAsync(kb, held.Id, default);
        Assert.Equal((Cluster.GrainInterfaces.Knowledge.DocumentStatus.Processing, 1), (stored!.Status, stored.Attempts));
        await ProblemAsync(await tenant.Http.PostAsync($"/api/v1/knowledge-bases/{kb}/documents/{Guid.NewGuid():N}/reprocess", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Changing_the_embedding_model_re_embeds_in_the_background_and_switches_when_every_chunk_has_a_new_vector()
    {
        var tenant = await fixture.Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var doc = await AcceptedIdAsync(UploadTextAsync(tenant.Http, kb, "Bees", "Honey bees dance to tell the hive where flowers are."));
        await FinishedAsync(tenant.Http, kb, doc);
        await WaitForVersionAsync(tenant.Http, kb, 1);

        var patched = await ReadAsync(await tenant.Http.PatchAsync($"/api/v1/knowledge-bases/{kb}",
            Json("""{"embedding":{"provider":"local","model":"all-MiniLM-L6-v2"}}""")), HttpStatusCode.OK);
        Assert.Equal("local/snowflake-arctic-embed-xs", patched["embeddingModel"]!.GetValue<string>());

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await ReadAsync(await tenant.Http.GetAsync($"/api/v1/knowledge-bases/{kb}"), HttpStatusCode.OK))["embeddingModel"]!.GetValue<string>()
               != "local/all-MiniLM-L6-v2")
        {
            Assert.True(DateTime.UtcNow < deadline, "the knowledge base never switched to the new model");
            await Task.Delay(100);
        }
        Assert.Equal([doc], DocumentIds(await SearchAsync(tenant.Http, kb, "how do bees share where flowers are", "vector", 1)));
        var store = fixture.Gateway.Services.GetRequiredService<IKnowledgeStore>();
        Assert.Empty(await store.GetChunksAsync(doc, "local/snowflake-arctic-embed-xs", default));
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Xunit;
using static Cluster.Tests.Knowledge.Http.KnowledgeApi;

namespace Cluster.Tests.Knowledge.Http;

/// <summary>A knowledge base above the shard threshold searches its shards in parallel and merges them.</summary>
[Collection(KnowledgeGatewayCollection.Name)]
public sealed class ShardedSearchTests(KnowledgeGatewayFixture fixture)
{
    private static readonly string[] Animals = ["otter", "heron", "badger", "lynx", "walrus", "ibis", "marmot", "gecko"];

    [Fact]
    public async Task A_sharded_knowledge_base_finds_documents_in_every_shard_and_follows_additions_and_deletions()
    {
        var tenant = await fixture.Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var count = KnowledgeGatewayFixture.ShardThreshold + 50;
        var body = JsonSerializer.Serialize(new
        {
            documents = Enumerable.Range(0, count).Select(i => new
            {
                title = $"Note {i}",
                text = $"Field note {i}: the {Animals[i % Animals.Length]} was seen near marker{i} at dawn.",
                externalId = $"note-{i}",
            }),
        });
        var ids = (await ReadAsync(await tenant.Http.PostAsync($"/api/v1/knowledge-bases/{kb}/documents/batch", Json(body)), HttpStatusCode.Accepted))["ids"]!
            .AsArray().Select(i => i!.GetValue<string>()).ToList();
        foreach (var id in ids)
            await FinishedAsync(tenant.Http, kb, id);
        await WaitForVersionAsync(tenant.Http, kb, count);

        // The first search builds the snapshot: more chunks than the threshold, so it is split across shards.
        foreach (var i in new[] { 0, 1, 2, 3, 77, count - 1 })
        {
            var found = await SearchAsync(tenant.Http, kb, $"marker{i}", "keyword", 1);
            Assert.Equal(ids[i], Assert.Single(DocumentIds(found)));
            Assert.Contains(ids[i], DocumentIds(await SearchAsync(tenant.Http, kb, $"marker{i}", "hybrid", 3)));
        }
        var shards = await fixture.Gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        Assert.True(shards.Count(s => s.GrainId.ToString().Contains(kb, StringComparison.Ordinal) && s.GrainType.Contains("KnowledgeShardGrain", StringComparison.Ordinal)) >= 2,
            "the knowledge base's search did not run on shard grains");
        var many = await SearchAsync(tenant.Http, kb, "walrus seen at dawn", "hybrid", 20);
        Assert.Equal(20, many["results"]!.AsArray().Count);

        var added = await AcceptedIdAsync(UploadTextAsync(tenant.Http, kb, "Late note", "A narwhal surfaced beside markerlate."));
        await FinishedAsync(tenant.Http, kb, added);
        await WaitForVersionAsync(tenant.Http, kb, count + 1);
        Assert.Equal([added], DocumentIds(await SearchAsync(tenant.Http, kb, "markerlate", "keyword", 1)));

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Http.DeleteAsync($"/api/v1/knowledge-bases/{kb}/documents/{ids[77]}")).StatusCode);
        Assert.DoesNotContain(ids[77], DocumentIds(await SearchAsync(tenant.Http, kb, "marker77", "keyword", 5)));
    }
}

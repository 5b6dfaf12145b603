using Cluster.Grains.Knowledge.Ingestion;
using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;
using Cluster.Grains.Knowledge.Storage;
using Xunit;

namespace Cluster.Tests.Knowledge.Storage;

/// <summary>What every knowledge store must do, proven on the memory store and on real PostgreSQL.</summary>
public abstract class KnowledgeStoreContract : IAsyncLifetime
{
    protected const string Model = "test-model";

    protected IKnowledgeStore Store { get; private set; } = null!;

    protected abstract Task<IKnowledgeStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }

    internal static KnowledgeBaseRecord NewBase(string tenant = "tenant-a", string? id = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new KnowledgeBaseRecord(id ?? Guid.CreateVersion7().ToString("N"), tenant, "handbook", "staff handbook",
            ChunkingOptions.Default, EmbeddingSettings.Default, SearchWeights.Default, Model, EmbeddingSettings.Default, null, 0, now, now);
    }

    internal static NewDocument NewDoc(string kbId, string text, string? externalId = null) => new(
        Guid.CreateVersion7().ToString("N"), kbId, externalId, "doc " + text[..Math.Min(10, text.Length)], Convert.ToHexString(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), text.Length, null, "text/plain", SourceFormat.Text, null,
        [new DocumentSection(["Intro"], text, 0, null)], new Dictionary<string, string> { ["team"] = "blue" });

    internal static ChunkRecord Chunk(int position, string text, float first = 1) =>
        new(position, text, ["Intro", "Part"], "hash" + position, true, [first, 0.5f, -0.25f]);

    private async Task<(KnowledgeBaseRecord Kb, NewDocument Doc)> ClaimedAsync(string text)
    {
        var kb = NewBase();
        Assert.True(await Store.CreateKnowledgeBaseAsync(kb, default));
        var doc = NewDoc(kb.Id, text);
        Assert.Null(await Store.AddDocumentsAsync([doc], default));
        Assert.NotNull(await Store.ClaimDocumentAsync(kb.Id, doc.Id, TimeSpan.FromMinutes(1), default));
        return (kb, doc);
    }

    [Fact]
    public async Task A_created_knowledge_base_reads_back_and_lists_only_under_its_tenant()
    {
        var kb = NewBase(tenant: "tenant-" + Guid.NewGuid().ToString("N"));
        Assert.True(await Store.CreateKnowledgeBaseAsync(kb, default));
        Assert.False(await Store.CreateKnowledgeBaseAsync(kb with { Name = "other" }, default));

        var read = await Store.GetKnowledgeBaseAsync(kb.Id, default);
        Assert.Equal(kb.Name, read!.Name);
        Assert.Equal(kb.Chunking, read.Chunking);
        Assert.Equal(kb.Embedding, read.Embedding);
        Assert.Equal(kb.Weights, read.Weights);
        Assert.Equal([kb.Id], (await Store.ListKnowledgeBasesAsync(kb.TenantId, default)).Select(k => k.Id));
        Assert.Empty(await Store.ListKnowledgeBasesAsync("tenant-" + Guid.NewGuid().ToString("N"), default));
    }

    [Fact]
    public async Task Updating_settings_keeps_the_version_and_active_model()
    {
        var kb = NewBase();
        await Store.CreateKnowledgeBaseAsync(kb, default);
        Assert.Equal(1, await Store.IncrementVersionAsync(kb.Id, default));

        await Store.UpdateKnowledgeBaseAsync(kb with { Name = "renamed", ActiveModel = "other", Version = 99, TargetModel = "next" }, default);

        var read = (await Store.GetKnowledgeBaseAsync(kb.Id, default))!;
        Assert.Equal(("renamed", Model, 1L, "next"), (read.Name, read.ActiveModel, read.Version, read.TargetModel));
    }

    [Fact]
    public async Task The_same_content_twice_in_a_knowledge_base_is_refused_naming_the_first_and_stores_nothing()
    {
        var kb = NewBase();
        await Store.CreateKnowledgeBaseAsync(kb, default);
        var first = NewDoc(kb.Id, "the same words");
        Assert.Null(await Store.AddDocumentsAsync([first], default));

        var fresh = NewDoc(kb.Id, "new words");
        var duplicate = await Store.AddDocumentsAsync([fresh, NewDoc(kb.Id, "the same words")], default);

        Assert.Equal((1, first.Id), duplicate);
        Assert.Null(await Store.GetDocumentAsync(kb.Id, fresh.Id, default));
        var other = NewBase();
        await Store.CreateKnowledgeBaseAsync(other, default);
        Assert.Null(await Store.AddDocumentsAsync([NewDoc(other.Id, "the same words")], default));
    }

    [Fact]
    public async Task A_document_moves_from_pending_through_processing_to_completed_with_its_chunks()
    {
        var kb = NewBase();
        await Store.CreateKnowledgeBaseAsync(kb, default);
        var doc = NewDoc(kb.Id, "alpha beta gamma", externalId: "ext-1");
        await Store.AddDocumentsAsync([doc], default);
        Assert.Equal(DocumentStatus.Pending, (await Store.GetDocumentAsync(kb.Id, doc.Id, default))!.Status);

        var claimed = await Store.ClaimDocumentAsync(kb.Id, doc.Id, TimeSpan.FromMinutes(1), default);
        Assert.Equal((DocumentStatus.Processing, 1), (claimed!.Document.Status, claimed.Document.Attempts));
        Assert.Equal("alpha beta gamma", Assert.Single(claimed.Sections).Text);
        Assert.Null(await Store.ClaimDocumentAsync(kb.Id, doc.Id, TimeSpan.FromMinutes(1), default));

        var outcome = await Store.CompleteDocumentAsync(kb.Id, doc.Id,
            new Dictionary<string, IReadOnlyList<ChunkRecord>> { [Model] = [Chunk(0, "alpha"), Chunk(1, "beta gamma", 0.75f)] }, default);

        Assert.Equal(CompletionOutcome.Completed, outcome);
        var done = (await Store.GetDocumentAsync(kb.Id, doc.Id, default))!;
        Assert.Equal((DocumentStatus.Completed, 2), (done.Status, done.ChunkCount));
        var chunks = await Store.GetDocumentChunksAsync(kb.Id, doc.Id, Model, default);
        Assert.Equal(["alpha", "beta gamma"], chunks.Select(c => c.Text));
        Assert.Equal(new[] { 0.75f, 0.5f, -0.25f }, chunks[1].Vector);
        Assert.Equal(["Intro", "Part"], chunks[1].HeadingPath);
        Assert.Equal(("ext-1", "blue"), (chunks[0].ExternalId, chunks[0].Metadata["team"]));
        var all = new List<IndexedChunk>();
        await foreach (var c in Store.ReadChunksAsync(kb.Id, Model, null, default))
            all.Add(c);
        Assert.Equal(2, all.Count);
        Assert.Equal(2, await Store.CountChunksAsync(kb.Id, Model, default));
    }

    [Fact]
    public async Task Completing_without_vectors_of_the_active_model_changes_nothing()
    {
        var (kb, doc) = await ClaimedAsync("model check");

        var outcome = await Store.CompleteDocumentAsync(kb.Id, doc.Id,
            new Dictionary<string, IReadOnlyList<ChunkRecord>> { ["another-model"] = [Chunk(0, "x")] }, default);

        Assert.Equal(CompletionOutcome.ModelsChanged, outcome);
        Assert.Equal(DocumentStatus.Processing, (await Store.GetDocumentAsync(kb.Id, doc.Id, default))!.Status);
    }

    [Fact]
    public async Task A_deleted_document_cannot_be_completed_and_leaves_no_chunks()
    {
        var (kb, doc) = await ClaimedAsync("to be deleted");
        Assert.Equal(doc.Bytes, (await Store.DeleteDocumentAsync(kb.Id, doc.Id, default))!.Bytes);

        var outcome = await Store.CompleteDocumentAsync(kb.Id, doc.Id,
            new Dictionary<string, IReadOnlyList<ChunkRecord>> { [Model] = [Chunk(0, "x")] }, default);

        Assert.Equal(CompletionOutcome.Abandoned, outcome);
        Assert.Empty(await Store.GetDocumentChunksAsync(kb.Id, doc.Id, Model, default));
        Assert.Null(await Store.DeleteDocumentAsync(kb.Id, doc.Id, default));
    }

    [Fact]
    public async Task A_claim_that_expired_is_found_unfinished_and_can_be_taken_again()
    {
        var kb = NewBase();
        await Store.CreateKnowledgeBaseAsync(kb, default);
        var doc = NewDoc(kb.Id, "left by a stopped silo " + Guid.NewGuid());
        await Store.AddDocumentsAsync([doc], default);
        Assert.NotNull(await Store.ClaimDocumentAsync(kb.Id, doc.Id, TimeSpan.FromMilliseconds(1), default));
        await Task.Delay(50);

        var unfinished = await Store.FindUnfinishedAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, 10_000, default);
        Assert.Contains(new UnfinishedDocument(kb.Id, doc.Id), unfinished);

        var again = await Store.ClaimDocumentAsync(kb.Id, doc.Id, TimeSpan.FromMinutes(1), default);
        Assert.Equal(2, again!.Document.Attempts);
        var later = await Store.FindUnfinishedAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, 10_000, default);
        Assert.DoesNotContain(new UnfinishedDocument(kb.Id, doc.Id), later);
    }

    [Fact]
    public async Task A_released_document_is_pending_again_and_a_failed_one_keeps_its_error_until_reset()
    {
        var (kb, doc) = await ClaimedAsync("retry me");
        await Store.ReleaseDocumentAsync(doc.Id, "embedder timed out", default);
        Assert.Equal((DocumentStatus.Pending, "embedder timed out"), Status(await Store.GetDocumentAsync(kb.Id, doc.Id, default)));

        await Store.ClaimDocumentAsync(kb.Id, doc.Id, TimeSpan.FromMinutes(1), default);
        await Store.FailDocumentAsync(doc.Id, "no text", default);
        Assert.Equal((DocumentStatus.Failed, "no text"), Status(await Store.GetDocumentAsync(kb.Id, doc.Id, default)));

        var reset = await Store.ResetDocumentAsync(kb.Id, doc.Id, default);
        Assert.Equal((DocumentStatus.Pending, null, 0), (reset!.Status, reset.Error, reset.Attempts));
        Assert.Null(await Store.ResetDocumentAsync(kb.Id, doc.Id, default));
    }

    [Fact]
    public async Task Each_shard_reads_the_chunks_of_its_own_documents_and_together_they_read_all()
    {
        var kb = NewBase();
        await Store.CreateKnowledgeBaseAsync(kb, default);
        var docs = Enumerable.Range(0, 12).Select(i => NewDoc(kb.Id, $"shard text {i}")).ToArray();
        await Store.AddDocumentsAsync(docs, default);
        foreach (var doc in docs)
        {
            await Store.ClaimDocumentAsync(kb.Id, doc.Id, TimeSpan.FromMinutes(1), default);
            await Store.CompleteDocumentAsync(kb.Id, doc.Id, new Dictionary<string, IReadOnlyList<ChunkRecord>> { [Model] = [Chunk(0, "a"), Chunk(1, "b")] }, default);
        }

        var seen = new List<string>();
        for (var shard = 0; shard < 3; shard++)
        {
            var partition = new ShardPartition(shard, 3);
            await foreach (var c in Store.ReadChunksAsync(kb.Id, Model, partition, default))
            {
                Assert.True(partition.Holds(c.DocumentId));
                seen.Add(c.ChunkId);
            }
        }

        Assert.Equal(docs.SelectMany(d => new[] { d.Id + ":0", d.Id + ":1" }).Order(), seen.Order());
    }

    [Fact]
    public async Task Listing_pages_by_id_and_filters_by_status()
    {
        var kb = NewBase();
        await Store.CreateKnowledgeBaseAsync(kb, default);
        var docs = Enumerable.Range(0, 5).Select(i => NewDoc(kb.Id, $"page text {i}")).ToArray();
        await Store.AddDocumentsAsync(docs, default);
        await Store.ClaimDocumentAsync(kb.Id, docs[3].Id, TimeSpan.FromMinutes(1), default);

        var first = await Store.ListDocumentsAsync(kb.Id, null, null, 2, default);
        var second = await Store.ListDocumentsAsync(kb.Id, null, first[^1].Id, 10, default);
        var processing = await Store.ListDocumentsAsync(kb.Id, DocumentStatus.Processing, null, 10, default);

        Assert.Equal(docs.Select(d => d.Id).Order(StringComparer.Ordinal), first.Concat(second).Select(d => d.Id));
        Assert.Equal(docs[3].Id, Assert.Single(processing).Id);
    }

    [Fact]
    public async Task Switching_models_waits_until_every_completed_document_has_vectors_of_the_new_one()
    {
        var (kb, doc) = await ClaimedAsync("switch models");
        await Store.CompleteDocumentAsync(kb.Id, doc.Id, new Dictionary<string, IReadOnlyList<ChunkRecord>> { [Model] = [Chunk(0, "x")] }, default);
        var next = new EmbeddingSettings(EmbeddingSettings.OpenAi, "next", "http://localhost:11434/v1");
        await Store.UpdateKnowledgeBaseAsync(kb with { Embedding = next, TargetModel = "next-model" }, default);

        Assert.False(await Store.SwitchModelAsync(kb.Id, "next-model", default));
        Assert.Equal([doc.Id], await Store.FindDocumentsWithoutModelAsync(kb.Id, "next-model", 10, default));
        var old = await Store.GetChunksAsync(doc.Id, Model, default);
        await Store.AddModelChunksAsync(kb.Id, doc.Id, "next-model", [old[0] with { Embedding = [0, 1, 0] }], default);

        Assert.True(await Store.SwitchModelAsync(kb.Id, "next-model", default));
        await Store.DeleteOtherModelsAsync(kb.Id, "next-model", default);

        var read = (await Store.GetKnowledgeBaseAsync(kb.Id, default))!;
        Assert.Equal(("next-model", null, 1L, next), (read.ActiveModel, read.TargetModel, read.Version, read.ActiveEmbedding));
        Assert.Empty(await Store.GetChunksAsync(doc.Id, Model, default));
        var switched = await Store.GetDocumentChunksAsync(kb.Id, doc.Id, "next-model", default);
        Assert.Equal(new[] { 0f, 1f, 0f }, Assert.Single(switched).Vector);
    }

    [Fact]
    public async Task Deleting_a_knowledge_base_returns_its_documents_bytes_and_removes_them()
    {
        var kb = NewBase();
        await Store.CreateKnowledgeBaseAsync(kb, default);
        var docs = new[] { NewDoc(kb.Id, "12345"), NewDoc(kb.Id, "1234567") };
        await Store.AddDocumentsAsync(docs, default);

        Assert.Equal(12, await Store.DeleteKnowledgeBaseAsync(kb.Id, default));

        Assert.Null(await Store.GetKnowledgeBaseAsync(kb.Id, default));
        Assert.Null(await Store.GetDocumentAsync(kb.Id, docs[0].Id, default));
    }

    private static (DocumentStatus, string?) Status(DocumentRecord? record) => (record!.Status, record.Error);
}

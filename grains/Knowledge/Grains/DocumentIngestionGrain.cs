using System.Net.Sockets;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Bases;
using Cluster.Grains.Knowledge.Embeddings;
using Cluster.Grains.Knowledge.Hosting;
using Cluster.Grains.Knowledge.Ingestion;
using Cluster.Grains.Knowledge.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Knowledge.Grains;

/// <summary>
/// Chunks, embeds and stores the pending documents of one knowledge base, on any silo. A document is claimed in
/// storage first (so it is processed once however often it is offered); a transient failure (the database or an
/// embedding endpoint unreachable) puts it back to pending and retries with doubling delays, up to
/// <see cref="KnowledgeOptions.MaxAttempts"/>; any other failure records its message as the document's error.
/// </summary>
[StatelessWorker]
[GrainType("document-ingestion")]
public sealed partial class DocumentIngestionGrain(
    IKnowledgeStore store,
    EmbedderCatalog embedders,
    KnowledgeOptions options,
    ILogger<DocumentIngestionGrain> logger) : Grain, IDocumentIngestionGrain
{
    // A model change between embedding and storing asks for another embedding; more than this many in a row means
    // the settings are changing faster than a document can be embedded, and the recovery scan takes it up later.
    private const int MaxModelRaces = 3;

    private string KnowledgeBaseId => this.GetPrimaryKeyString();

    public async Task ProcessAsync(string documentId)
    {
        while (await store.ClaimDocumentAsync(KnowledgeBaseId, documentId, options.ClaimLease, CancellationToken.None) is { } claimed)
        {
            try
            {
                if (await IngestAsync(claimed))
                    await GrainFactory.GetGrain<ITenantKnowledgeBaseGrain>(KnowledgeBaseId).DocumentChangedAsync(documentId);
                return;
            }
            catch (Exception e) when (IsTransient(e) && claimed.Document.Attempts < options.MaxAttempts)
            {
                LogRetrying(e, documentId, claimed.Document.Attempts);
                await store.ReleaseDocumentAsync(documentId, $"Attempt {claimed.Document.Attempts} failed and is retried: {e.Message}", CancellationToken.None);
                await Task.Delay(options.RetryDelay * Math.Pow(2, claimed.Document.Attempts - 1));
            }
            catch (Exception e)
            {
                LogFailed(e, documentId);
                await store.FailDocumentAsync(documentId, e.Message, CancellationToken.None);
                return;
            }
        }
    }

    /// <returns>Whether the document completed (false: it was deleted or reset meanwhile, or its claim was lost to a model race).</returns>
    private async Task<bool> IngestAsync(ClaimedDocument claimed)
    {
        var documentId = claimed.Document.Id;
        for (var race = 0; race < MaxModelRaces; race++)
        {
            if (await store.GetKnowledgeBaseAsync(KnowledgeBaseId, CancellationToken.None) is not { } kb)
                return false;
            var chunks = TextChunker.Chunk(claimed.Parsed(), kb.Chunking);
            var byModel = new Dictionary<string, IReadOnlyList<ChunkRecord>>(StringComparer.Ordinal)
            {
                [kb.ActiveModel] = await EmbedAsync(kb.ActiveEmbedding, chunks),
            };
            if (kb.TargetModel is { } target)
                byModel[target] = await EmbedAsync(kb.Embedding, chunks);
            switch (await store.CompleteDocumentAsync(KnowledgeBaseId, documentId, byModel, CancellationToken.None))
            {
                case CompletionOutcome.Completed:
                    return true;
                case CompletionOutcome.Abandoned:
                    return false;
            }
        }
        throw new TimeoutException($"The knowledge base's embedding model changed {MaxModelRaces} times while document '{documentId}' was embedded.");
    }

    private async Task<IReadOnlyList<ChunkRecord>> EmbedAsync(EmbeddingSettings settings, IReadOnlyList<DocumentChunk> chunks)
    {
        var embedder = embedders.Get(EmbeddingChoice.ToEmbedderSettings(settings));
        var records = new ChunkRecord[chunks.Count];
        var batch = new List<string>(options.EmbeddingBatchSize);
        for (var start = 0; start < chunks.Count; start += options.EmbeddingBatchSize)
        {
            batch.Clear();
            var end = Math.Min(chunks.Count, start + options.EmbeddingBatchSize);
            for (var i = start; i < end; i++)
                batch.Add(chunks[i].Text);
            var vectors = await embedder.EmbedDocumentsAsync(batch, CancellationToken.None);
            for (var i = start; i < end; i++)
            {
                var chunk = chunks[i];
                records[i] = new ChunkRecord(chunk.Position, chunk.Text, chunk.HeadingPath, chunk.ContentHash, true, vectors[i - start]);
            }
        }
        return records;
    }

    private static bool IsTransient(Exception e) => e switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        HttpRequestException or SocketException or TimeoutException or TaskCanceledException => true,
        _ => e.InnerException is { } inner && IsTransient(inner),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingesting document {DocumentId} failed on attempt {Attempt}; retrying")]
    private partial void LogRetrying(Exception error, string documentId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingesting document {DocumentId} failed")]
    private partial void LogFailed(Exception error, string documentId);
}

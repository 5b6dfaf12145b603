using Cluster.Grains.Knowledge.Ingestion;
using Cluster.GrainInterfaces.Knowledge.Ingestion;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;
using Npgsql;
using NpgsqlTypes;

namespace Cluster.Grains.Knowledge.Storage;

/// <summary>
/// Knowledge bases, documents and chunks in PostgreSQL (schema: the embedded <c>Knowledge/Storage/Sql/knowledge.sql</c>).
/// Chunks arrive by binary COPY inside the transaction that completes their document, so a document is searchable
/// with all its chunks or not at all; vectors are stored as raw little-endian float32 and read back by a copy, not
/// parsed. All SQL is parameterised.
/// </summary>
public sealed class PostgresKnowledgeStore : IKnowledgeStore, IAsyncDisposable
{
    public const string ScriptResourceName = "Cluster.Grains.Knowledge.Storage.Sql.knowledge.sql";

    // Silos starting together take turns creating the schema ("KnowBase").
    private const long SchemaLockKey = 0x4B6E_6F77_4261_7365;

    private const string KnowledgeBaseColumns = """
        id, tenant_id, name, description, chunk_size, chunk_overlap, embedding_provider, embedding_model, embedding_endpoint,
        active_model, active_embedding::text, target_model, keyword_weight, vector_weight, version, created_at, updated_at
        """;

    private const string DocumentColumns = """
        id, knowledge_base_id, external_id, title, status, error, content_hash, bytes, metadata::text, chunk_count, attempts,
        created_at, updated_at
        """;

    private const string CopyChunks = """
        COPY knowledge_chunk (document_id, model_id, position, knowledge_base_id, text, heading_path, content_hash, enabled, embedding)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string IndexedChunkColumns = """
        c.document_id, d.external_id, d.title, d.metadata::text, c.position, c.text, c.heading_path, c.embedding
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects lazily; call <see cref="CreateSchemaAsync"/> (or use <see cref="CreateAsync"/>) before use.</summary>
    public PostgresKnowledgeStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Stored vectors are little-endian float32; this store needs a little-endian machine.");
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Connects and creates the tables when they are missing.</summary>
    public static async Task<PostgresKnowledgeStore> CreateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var store = new PostgresKnowledgeStore(connectionString);
        try
        {
            await store.CreateSchemaAsync(cancellationToken);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
        return store;
    }

    /// <summary>Applies the schema script, when it is not in place, in one transaction under an advisory lock; applying it again changes nothing.</summary>
    /// <exception cref="KnowledgeStoreException">the database could not be reached or refused the script.</exception>
    public async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            // The script's last object exists: the schema is in place, and applying it again would only queue for
            // locks behind (or deadlock with) the writes of silos already running.
            await using (var applied = new NpgsqlCommand("SELECT to_regclass('knowledge_chunk_base') IS NOT NULL", connection))
            {
                if (await applied.ExecuteScalarAsync(cancellationToken) is true)
                    return;
            }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var takeLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
            {
                takeLock.Parameters.Add(new NpgsqlParameter { Value = SchemaLockKey });
                await takeLock.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var apply = new NpgsqlCommand(ReadScript(), connection, transaction))
                await apply.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new KnowledgeStoreException(
                $"The PostgreSQL knowledge store could not be prepared: {e.Message.TrimEnd('.')}. " +
                "Check the storage connection string and that the server accepts connections from this host.", e);
        }
    }

    public async Task<bool> CreateKnowledgeBaseAsync(KnowledgeBaseRecord kb, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            INSERT INTO knowledge_base ({KnowledgeBaseColumns.Replace("::text", "", StringComparison.Ordinal)})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            ON CONFLICT (id) DO NOTHING
            """);
        AddText(cmd, kb.Id);
        AddText(cmd, kb.TenantId);
        AddSettings(cmd, kb);
        AddText(cmd, kb.ActiveModel);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(kb.ActiveEmbedding, Json) });
        AddText(cmd, kb.TargetModel);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = kb.Weights.Keyword });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = kb.Weights.Vector });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = kb.Version });
        AddTime(cmd, kb.CreatedAt);
        AddTime(cmd, kb.UpdatedAt);
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<KnowledgeBaseRecord?> GetKnowledgeBaseAsync(string id, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"SELECT {KnowledgeBaseColumns} FROM knowledge_base WHERE id = $1");
        AddText(cmd, id);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadKnowledgeBase(reader) : null;
    }

    public async Task<IReadOnlyList<KnowledgeBaseRecord>> ListKnowledgeBasesAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"SELECT {KnowledgeBaseColumns} FROM knowledge_base WHERE tenant_id = $1 ORDER BY id");
        AddText(cmd, tenantId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<KnowledgeBaseRecord>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(ReadKnowledgeBase(reader));
        return list;
    }

    public async Task UpdateKnowledgeBaseAsync(KnowledgeBaseRecord kb, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("""
            UPDATE knowledge_base SET name = $2, description = $3, chunk_size = $4, chunk_overlap = $5, embedding_provider = $6,
                embedding_model = $7, embedding_endpoint = $8, target_model = $9, keyword_weight = $10, vector_weight = $11, updated_at = $12
            WHERE id = $1
            """);
        AddText(cmd, kb.Id);
        AddSettings(cmd, kb);
        AddText(cmd, kb.TargetModel);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = kb.Weights.Keyword });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = kb.Weights.Vector });
        AddTime(cmd, kb.UpdatedAt);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> IncrementVersionAsync(string id, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("UPDATE knowledge_base SET version = version + 1 WHERE id = $1 RETURNING version");
        AddText(cmd, id);
        return await cmd.ExecuteScalarAsync(cancellationToken) is long version
            ? version
            : throw new KnowledgeBaseNotFoundException(id);
    }

    public async Task<bool> SwitchModelAsync(string id, string targetModel, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("""
            UPDATE knowledge_base SET active_model = target_model, target_model = NULL, version = version + 1,
                active_embedding = jsonb_build_object('provider', embedding_provider, 'model', embedding_model, 'endpoint', embedding_endpoint)
            WHERE id = $1 AND target_model = $2 AND NOT EXISTS (
                SELECT 1 FROM knowledge_document d
                WHERE d.knowledge_base_id = $1 AND d.status = 'completed'
                  AND NOT EXISTS (SELECT 1 FROM knowledge_chunk c WHERE c.document_id = d.id AND c.model_id = $2))
            """);
        AddText(cmd, id);
        AddText(cmd, targetModel);
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<long> DeleteKnowledgeBaseAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long bytes;
        await using (var sum = new NpgsqlCommand("SELECT coalesce(sum(bytes), 0)::bigint FROM knowledge_document WHERE knowledge_base_id = $1", connection, transaction))
        {
            AddText(sum, id);
            bytes = (long)(await sum.ExecuteScalarAsync(cancellationToken))!;
        }
        // The chunks cascade from their documents, the documents from their knowledge base.
        await using (var delete = new NpgsqlCommand("DELETE FROM knowledge_base WHERE id = $1", connection, transaction))
        {
            AddText(delete, id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return bytes;
    }

    public async Task<(int Index, string ExistingId)?> AddDocumentsAsync(IReadOnlyList<NewDocument> documents, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var now = DateTime.UtcNow;
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO knowledge_document (id, knowledge_base_id, external_id, title, status, content_hash, bytes, file_name, content_type,
                    format, original, sections, metadata, created_at, updated_at)
                VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
                ON CONFLICT (knowledge_base_id, content_hash) DO NOTHING
                """);
            AddText(insert, d.Id);
            AddText(insert, d.KnowledgeBaseId);
            AddText(insert, d.ExternalId);
            AddText(insert, d.Title);
            AddText(insert, d.ContentHash);
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = d.Bytes });
            AddText(insert, d.FileName);
            AddText(insert, d.ContentType);
            AddText(insert, d.Format.ToString());
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)d.Original ?? DBNull.Value });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(d.Sections, Json) });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(d.Metadata, Json) });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now });
            batch.BatchCommands.Add(insert);
        }

        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // Reading the affected rows of each insert: one that inserted nothing met a duplicate.
            await reader.CloseAsync();
        }
        for (var i = 0; i < documents.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected == 1)
                continue;
            await transaction.RollbackAsync(cancellationToken);
            var existing = await FindByContentAsync(documents[i].KnowledgeBaseId, documents[i].ContentHash, cancellationToken)
                ?? FindInBatch(documents, i);
            return (i, existing);
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<string?> FindByContentAsync(string knowledgeBaseId, string contentHash, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT id FROM knowledge_document WHERE knowledge_base_id = $1 AND content_hash = $2");
        AddText(cmd, knowledgeBaseId);
        AddText(cmd, contentHash);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<DocumentRecord?> GetDocumentAsync(string knowledgeBaseId, string documentId, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"SELECT {DocumentColumns} FROM knowledge_document WHERE id = $1 AND knowledge_base_id = $2");
        AddText(cmd, documentId);
        AddText(cmd, knowledgeBaseId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDocument(reader, 0) : null;
    }

    public async Task<IReadOnlyList<DocumentRecord>> ListDocumentsAsync(string knowledgeBaseId, DocumentStatus? status, string? after, int limit,
        CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            SELECT {DocumentColumns} FROM knowledge_document
            WHERE knowledge_base_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR id > $3)
            ORDER BY id LIMIT $4
            """);
        AddText(cmd, knowledgeBaseId);
        AddText(cmd, status is { } s ? StatusName(s) : null);
        AddText(cmd, after);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = limit });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<DocumentRecord>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(ReadDocument(reader, 0));
        return list;
    }

    public async Task<DocumentRecord?> DeleteDocumentAsync(string knowledgeBaseId, string documentId, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"DELETE FROM knowledge_document WHERE id = $1 AND knowledge_base_id = $2 RETURNING {DocumentColumns}");
        AddText(cmd, documentId);
        AddText(cmd, knowledgeBaseId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDocument(reader, 0) : null;
    }

    public async Task<ClaimedDocument?> ClaimDocumentAsync(string knowledgeBaseId, string documentId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            UPDATE knowledge_document SET status = 'processing', attempts = attempts + 1, claimed_until = now() + $3, updated_at = now()
            WHERE id = $1 AND knowledge_base_id = $2
              AND (status = 'pending' OR (status = 'processing' AND (claimed_until IS NULL OR claimed_until < now())))
            RETURNING {DocumentColumns}, format, sections::text
            """);
        AddText(cmd, documentId);
        AddText(cmd, knowledgeBaseId);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Interval, Value = lease });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var format = Enum.Parse<SourceFormat>(reader.GetString(13));
        var sections = JsonSerializer.Deserialize<List<DocumentSection>>(reader.GetString(14), Json)!;
        return new ClaimedDocument(ReadDocument(reader, 0), format, sections);
    }

    public async Task<CompletionOutcome> CompleteDocumentAsync(string knowledgeBaseId, string documentId,
        IReadOnlyDictionary<string, IReadOnlyList<ChunkRecord>> chunksByModel, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Shares the knowledge base's row with other completions but not with a model switch, which would otherwise
        // flip to a model this document has no vectors for.
        await using (var models = new NpgsqlCommand("SELECT active_model, target_model FROM knowledge_base WHERE id = $1 FOR SHARE", connection, transaction))
        {
            AddText(models, knowledgeBaseId);
            await using var reader = await models.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                return CompletionOutcome.Abandoned;
            if (!chunksByModel.ContainsKey(reader.GetString(0)) || (!reader.IsDBNull(1) && !chunksByModel.ContainsKey(reader.GetString(1))))
                return CompletionOutcome.ModelsChanged;
        }

        var count = 0;
        await using (var lockDocument = new NpgsqlCommand(
            "SELECT 1 FROM knowledge_document WHERE id = $1 AND knowledge_base_id = $2 AND status = 'processing' FOR UPDATE", connection, transaction))
        {
            AddText(lockDocument, documentId);
            AddText(lockDocument, knowledgeBaseId);
            if (await lockDocument.ExecuteScalarAsync(cancellationToken) is null)
                return CompletionOutcome.Abandoned;
        }
        await using (var clear = new NpgsqlCommand("DELETE FROM knowledge_chunk WHERE document_id = $1", connection, transaction))
        {
            AddText(clear, documentId);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (modelId, chunks) in chunksByModel)
        {
            await CopyChunksAsync(connection, knowledgeBaseId, documentId, modelId, chunks, cancellationToken);
            count = chunks.Count;
        }
        await using (var complete = new NpgsqlCommand("""
            UPDATE knowledge_document SET status = 'completed', error = NULL, chunk_count = $2, claimed_until = NULL, updated_at = now()
            WHERE id = $1
            """, connection, transaction))
        {
            AddText(complete, documentId);
            complete.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = count });
            await complete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return CompletionOutcome.Completed;
    }

    public Task ReleaseDocumentAsync(string documentId, string error, CancellationToken cancellationToken) =>
        EndClaimAsync(documentId, "pending", error, cancellationToken);

    public Task FailDocumentAsync(string documentId, string error, CancellationToken cancellationToken) =>
        EndClaimAsync(documentId, "failed", error, cancellationToken);

    public async Task<DocumentRecord?> ResetDocumentAsync(string knowledgeBaseId, string documentId, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            UPDATE knowledge_document SET status = 'pending', error = NULL, attempts = 0, claimed_until = NULL, updated_at = now()
            WHERE id = $1 AND knowledge_base_id = $2 AND status IN ('completed', 'failed')
            RETURNING {DocumentColumns}
            """);
        AddText(cmd, documentId);
        AddText(cmd, knowledgeBaseId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDocument(reader, 0) : null;
    }

    public async Task<IReadOnlyList<UnfinishedDocument>> FindUnfinishedAsync(DateTimeOffset pendingBefore, DateTimeOffset now, int limit,
        CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT knowledge_base_id, id FROM knowledge_document
            WHERE status IN ('pending', 'processing')
              AND ((status = 'pending' AND updated_at < $1) OR (status = 'processing' AND (claimed_until IS NULL OR claimed_until < $2)))
            ORDER BY updated_at LIMIT $3
            """);
        AddTime(cmd, pendingBefore);
        AddTime(cmd, now);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = limit });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<UnfinishedDocument>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new UnfinishedDocument(reader.GetString(0), reader.GetString(1)));
        return list;
    }

    public async IAsyncEnumerable<IndexedChunk> ReadChunksAsync(string knowledgeBaseId, string modelId, ShardPartition? partition,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inPartition = partition is null ? string.Empty : "AND " + string.Format(CultureInfo.InvariantCulture, ShardPartition.Sql, "$3", "$4");
        await using var cmd = _dataSource.CreateCommand($"""
            SELECT {IndexedChunkColumns} FROM knowledge_chunk c JOIN knowledge_document d ON d.id = c.document_id
            WHERE c.knowledge_base_id = $1 AND c.model_id = $2 AND c.enabled AND d.status = 'completed' {inPartition}
            ORDER BY c.document_id, c.position
            """);
        AddText(cmd, knowledgeBaseId);
        AddText(cmd, modelId);
        if (partition is { } p)
        {
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = p.Count });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = p.Index });
        }
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var documents = new DocumentFields();
        while (await reader.ReadAsync(cancellationToken))
            yield return ReadIndexedChunk(reader, documents);
    }

    public async Task<long> CountChunksAsync(string knowledgeBaseId, string modelId, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT count(*) FROM knowledge_chunk c JOIN knowledge_document d ON d.id = c.document_id
            WHERE c.knowledge_base_id = $1 AND c.model_id = $2 AND c.enabled AND d.status = 'completed'
            """);
        AddText(cmd, knowledgeBaseId);
        AddText(cmd, modelId);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<IndexedChunk>> GetDocumentChunksAsync(string knowledgeBaseId, string documentId, string modelId,
        CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            SELECT {IndexedChunkColumns} FROM knowledge_chunk c JOIN knowledge_document d ON d.id = c.document_id
            WHERE c.document_id = $1 AND c.knowledge_base_id = $2 AND c.model_id = $3 AND c.enabled AND d.status = 'completed'
            ORDER BY c.position
            """);
        AddText(cmd, documentId);
        AddText(cmd, knowledgeBaseId);
        AddText(cmd, modelId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var documents = new DocumentFields();
        var list = new List<IndexedChunk>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(ReadIndexedChunk(reader, documents));
        return list;
    }

    public async Task<IReadOnlyList<string>> FindDocumentsWithoutModelAsync(string knowledgeBaseId, string modelId, int limit,
        CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT d.id FROM knowledge_document d
            WHERE d.knowledge_base_id = $1 AND d.status = 'completed'
              AND NOT EXISTS (SELECT 1 FROM knowledge_chunk c WHERE c.document_id = d.id AND c.model_id = $2)
            ORDER BY d.id LIMIT $3
            """);
        AddText(cmd, knowledgeBaseId);
        AddText(cmd, modelId);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = limit });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(reader.GetString(0));
        return list;
    }

    public async Task AddModelChunksAsync(string knowledgeBaseId, string documentId, string modelId, IReadOnlyList<ChunkRecord> chunks,
        CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockDocument = new NpgsqlCommand(
            "SELECT 1 FROM knowledge_document WHERE id = $1 AND status = 'completed' FOR UPDATE", connection, transaction))
        {
            AddText(lockDocument, documentId);
            if (await lockDocument.ExecuteScalarAsync(cancellationToken) is null)
                return;
        }
        await using (var clear = new NpgsqlCommand("DELETE FROM knowledge_chunk WHERE document_id = $1 AND model_id = $2", connection, transaction))
        {
            AddText(clear, documentId);
            AddText(clear, modelId);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await CopyChunksAsync(connection, knowledgeBaseId, documentId, modelId, chunks, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(string documentId, string modelId, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT position, text, heading_path, content_hash, enabled, embedding FROM knowledge_chunk
            WHERE document_id = $1 AND model_id = $2 ORDER BY position
            """);
        AddText(cmd, documentId);
        AddText(cmd, modelId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<ChunkRecord>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(ReadChunk(reader, 0));
        return list;
    }

    public async Task DeleteOtherModelsAsync(string knowledgeBaseId, string keepModelId, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("DELETE FROM knowledge_chunk WHERE knowledge_base_id = $1 AND model_id <> $2");
        AddText(cmd, knowledgeBaseId);
        AddText(cmd, keepModelId);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task EndClaimAsync(string documentId, string status, string error, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("""
            UPDATE knowledge_document SET status = $2, error = $3, claimed_until = NULL, updated_at = now()
            WHERE id = $1 AND status = 'processing'
            """);
        AddText(cmd, documentId);
        AddText(cmd, status);
        AddText(cmd, error);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyChunksAsync(NpgsqlConnection connection, string knowledgeBaseId, string documentId, string modelId,
        IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyChunks, cancellationToken);
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(documentId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(modelId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(chunk.Position, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(knowledgeBaseId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(chunk.Text, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(chunk.HeadingPath as string[] ?? [.. chunk.HeadingPath], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(chunk.ContentHash, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(chunk.Enabled, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(MemoryMarshal.AsBytes(chunk.Embedding.AsSpan()).ToArray(), NpgsqlDbType.Bytea, cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static string ReadScript()
    {
        using var stream = typeof(PostgresKnowledgeStore).Assembly.GetManifestResourceStream(ScriptResourceName)
            ?? throw new KnowledgeStoreException($"The grains assembly was built without the embedded resource '{ScriptResourceName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string FindInBatch(IReadOnlyList<NewDocument> documents, int duplicate)
    {
        for (var i = 0; i < duplicate; i++)
        {
            if (documents[i].ContentHash == documents[duplicate].ContentHash)
                return documents[i].Id;
        }
        // Deleted between the refused insert and the look-up: the content is free again, so the caller may retry.
        return documents[duplicate].Id;
    }

    private static KnowledgeBaseRecord ReadKnowledgeBase(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), NullableText(r, 3),
        new ChunkingOptions { Size = r.GetInt32(4), Overlap = r.GetInt32(5) },
        new EmbeddingSettings(r.GetString(6), NullableText(r, 7), NullableText(r, 8)),
        new SearchWeights(r.GetDouble(12), r.GetDouble(13)),
        r.GetString(9), JsonSerializer.Deserialize<EmbeddingSettings>(r.GetString(10), Json)!, NullableText(r, 11), r.GetInt64(14),
        r.GetFieldValue<DateTimeOffset>(15), r.GetFieldValue<DateTimeOffset>(16));

    private static DocumentRecord ReadDocument(NpgsqlDataReader r, int first) => new(
        r.GetString(first), r.GetString(first + 1), NullableText(r, first + 2), r.GetString(first + 3),
        ParseStatus(r.GetString(first + 4)), NullableText(r, first + 5), r.GetString(first + 6), r.GetInt64(first + 7),
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(first + 8), Json)!,
        r.GetInt32(first + 9), r.GetInt32(first + 10),
        r.GetFieldValue<DateTimeOffset>(first + 11), r.GetFieldValue<DateTimeOffset>(first + 12));

    private static ChunkRecord ReadChunk(NpgsqlDataReader r, int first)
    {
        var bytes = r.GetFieldValue<byte[]>(first + 5);
        return new ChunkRecord(r.GetInt32(first), r.GetString(first + 1), r.GetFieldValue<string[]>(first + 2), r.GetString(first + 3),
            r.GetBoolean(first + 4), MemoryMarshal.Cast<byte, float>(bytes).ToArray());
    }

    private static IndexedChunk ReadIndexedChunk(NpgsqlDataReader r, DocumentFields documents)
    {
        var documentId = r.GetString(0);
        if (documentId != documents.Id)
        {
            // Rows come in document order, so each document's fields are read and parsed once.
            documents.Id = documentId;
            documents.ExternalId = NullableText(r, 1);
            documents.Title = r.GetString(2);
            documents.Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(3), Json)!;
        }
        var position = r.GetInt32(4);
        return new IndexedChunk(ChunkIds.Of(documentId, position), documentId, documents.ExternalId, documents.Title, r.GetString(5),
            r.GetFieldValue<string[]>(6), position, documents.Metadata, MemoryMarshal.Cast<byte, float>(r.GetFieldValue<byte[]>(7)).ToArray());
    }

    private static void AddSettings(NpgsqlCommand cmd, KnowledgeBaseRecord kb)
    {
        AddText(cmd, kb.Name);
        AddText(cmd, kb.Description);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = kb.Chunking.Size });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = kb.Chunking.Overlap });
        AddText(cmd, kb.Embedding.Provider);
        AddText(cmd, kb.Embedding.Model);
        AddText(cmd, kb.Embedding.Endpoint);
    }

    private static void AddText(NpgsqlCommand cmd, string? value) =>
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value });

    private static void AddText(NpgsqlBatchCommand cmd, string? value) =>
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value });

    private static void AddTime(NpgsqlCommand cmd, DateTimeOffset value) =>
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value.UtcDateTime });

    private static string? NullableText(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    internal static string StatusName(DocumentStatus status) => status switch
    {
        DocumentStatus.Pending => "pending",
        DocumentStatus.Processing => "processing",
        DocumentStatus.Completed => "completed",
        _ => "failed",
    };

    private static DocumentStatus ParseStatus(string status) => status switch
    {
        "pending" => DocumentStatus.Pending,
        "processing" => DocumentStatus.Processing,
        "completed" => DocumentStatus.Completed,
        _ => DocumentStatus.Failed,
    };

    /// <summary>The last document read while streaming chunks, so its fields are shared by its chunks.</summary>
    private sealed class DocumentFields
    {
        public string? Id;
        public string? ExternalId;
        public string Title = string.Empty;
        public IReadOnlyDictionary<string, string> Metadata = new Dictionary<string, string>();
    }
}

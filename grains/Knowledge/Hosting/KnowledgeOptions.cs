namespace Cluster.Grains.Knowledge.Hosting;

/// <summary>Settings of section "Cluster:Knowledge" (env Cluster__Knowledge__…), validated at start-up.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Cluster:Knowledge";

    /// <summary>The largest document accepted, in bytes (a file's size or a text's UTF-8 size).</summary>
    public long MaxDocumentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Uploaded files up to this size are kept as uploaded beside their parsed text; larger ones only as parsed text.</summary>
    public long KeepOriginalBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Documents in one batch request, at most.</summary>
    public int MaxBatchDocuments { get; set; } = 1000;

    /// <summary>Above this many chunks a knowledge base's index is split across shard grains.</summary>
    public int ShardThreshold { get; set; } = 50_000;

    /// <summary>Chunks embedded per call of the embedder.</summary>
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>How long a worker's claim on a document lasts; an unfinished document whose claim ran out is taken up again.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts at a document before a transient failure is recorded as its failure.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles with each further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each silo looks for documents left pending or processing by a stopped silo.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A pending document untouched this long is offered to a worker again.</summary>
    public TimeSpan PendingGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <exception cref="KnowledgeConfigurationException">naming the setting that is out of range.</exception>
    public KnowledgeOptions Validate()
    {
        Require(MaxDocumentBytes is > 0 and <= 1L << 30, nameof(MaxDocumentBytes), "between 1 byte and 1 GiB");
        Require(KeepOriginalBytes >= 0 && KeepOriginalBytes <= MaxDocumentBytes, nameof(KeepOriginalBytes), $"from 0 to MaxDocumentBytes ({MaxDocumentBytes})");
        Require(MaxBatchDocuments is >= 1 and <= 10_000, nameof(MaxBatchDocuments), "from 1 to 10000");
        Require(ShardThreshold is >= 100 and <= 10_000_000, nameof(ShardThreshold), "from 100 to 10000000");
        Require(EmbeddingBatchSize is >= 1 and <= 1024, nameof(EmbeddingBatchSize), "from 1 to 1024");
        Require(ClaimLease >= TimeSpan.FromSeconds(5), nameof(ClaimLease), "at least 5 seconds");
        Require(MaxAttempts is >= 1 and <= 100, nameof(MaxAttempts), "from 1 to 100");
        Require(RetryDelay >= TimeSpan.Zero && RetryDelay <= TimeSpan.FromMinutes(1), nameof(RetryDelay), "from 0 to 1 minute");
        Require(RecoveryInterval >= TimeSpan.FromMilliseconds(100), nameof(RecoveryInterval), "at least 100 ms");
        Require(PendingGrace >= TimeSpan.Zero, nameof(PendingGrace), "0 or more");
        return this;
    }

    private static void Require(bool holds, string name, string range)
    {
        if (!holds)
            throw new KnowledgeConfigurationException($"{Section}:{name} must be {range}.");
    }
}

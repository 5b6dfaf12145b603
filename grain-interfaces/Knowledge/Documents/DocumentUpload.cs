using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>
/// One document to ingest: either a file (<see cref="Content"/> with its <see cref="FileName"/>) or plain
/// <see cref="Text"/>. The title defaults to the file's name or the document's first heading.
/// </summary>
[GenerateSerializer]
[Alias("Knowledge.DocumentUpload")]
[Immutable]
public sealed record DocumentUpload(
    string? Title,
    string? Text,
    byte[]? Content = null,
    string? FileName = null,
    string? ContentType = null,
    string? ExternalId = null,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    public const int MaxTitleLength = 500;
    public const int MaxExternalIdLength = 200;
    public const int MaxMetadataEntries = 50;
    public const int MaxMetadataLength = 500;

    /// <summary>Text sent as JSON, in characters; longer documents are uploaded as files.</summary>
    public const int MaxTextLength = 65_536;

    /// <summary>The size the tenant's storage quota is charged: the file's bytes, or the text's UTF-8 bytes.</summary>
    public long Bytes => Content?.LongLength ?? System.Text.Encoding.UTF8.GetByteCount(Text ?? string.Empty);

    /// <summary>Checks the fields that need no parsing; <paramref name="field"/> prefixes the names (e.g. <c>documents[2]</c>).</summary>
    /// <exception cref="KnowledgeValidationException">naming the offending field.</exception>
    public void Validate(string field, long maxBytes)
    {
        var prefix = field.Length == 0 ? string.Empty : field + ".";
        KnowledgeText.Storable(Title, prefix + "title");
        KnowledgeText.Storable(Text, prefix + "text");
        KnowledgeText.Storable(ExternalId, prefix + "externalId");
        if (Title is { Length: > MaxTitleLength })
            throw new KnowledgeValidationException(prefix + "title", $"must be at most {MaxTitleLength} characters.");
        if (Content is null && Text is null)
            throw new KnowledgeValidationException(prefix + "text", "is required: the document's text (or upload a file).");
        if (Content is null && string.IsNullOrWhiteSpace(Text))
            throw new KnowledgeValidationException(prefix + "text", "is empty: a document needs some text to search.");
        if (Text is { Length: > MaxTextLength })
            throw new KnowledgeValidationException(prefix + "text", $"is {Text.Length} characters; JSON documents may hold at most {MaxTextLength}: upload longer ones as files.");
        if (Bytes > maxBytes)
            throw new KnowledgeValidationException(prefix + (Content is null ? "text" : "file"), $"is {Bytes} bytes; documents may be at most {maxBytes} bytes.");
        if (ExternalId is { Length: 0 or > MaxExternalIdLength })
            throw new KnowledgeValidationException(prefix + "externalId", $"must be 1 to {MaxExternalIdLength} characters when given.");
        if (Metadata is null)
            return;
        if (Metadata.Count > MaxMetadataEntries)
            throw new KnowledgeValidationException(prefix + "metadata", $"may hold at most {MaxMetadataEntries} entries.");
        foreach (var (key, value) in Metadata)
        {
            KnowledgeText.Storable(key, $"{prefix}metadata");
            KnowledgeText.Storable(value, $"{prefix}metadata.{key}");
            if (key.Length is 0 or > MaxMetadataLength || value is null || value.Length > MaxMetadataLength)
                throw new KnowledgeValidationException($"{prefix}metadata.{key}", $"keys must be 1 to {MaxMetadataLength} characters and values strings of at most {MaxMetadataLength}.");
        }
    }
}

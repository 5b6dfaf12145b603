namespace Cluster.Grains.Knowledge.Storage;

/// <summary>A document a worker has claimed, with the sections it chunks.</summary>
public sealed record ClaimedDocument(DocumentRecord Document, IReadOnlyList<DocumentSection> Sections);

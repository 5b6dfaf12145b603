namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// A document as normalised text: its sections in order, and <see cref="Text"/>, the sections' texts joined by a blank
/// line, which chunk offsets refer to. <see cref="ContentHash"/> (SHA-256 hex of <see cref="Text"/>) finds the same
/// content uploaded twice, even in different formats or with different whitespace.
/// </summary>
public sealed record ParsedDocument(string Title, SourceFormat Format, IReadOnlyList<DocumentSection> Sections, string Text, string ContentHash);

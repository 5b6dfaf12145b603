namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// One chunk of a document: its 0-based <see cref="Position"/>, its text (exactly <see cref="ParsedDocument.Text"/>
/// from <see cref="Start"/> to <see cref="End"/>), the heading path and PDF page of its section, and the SHA-256 hex
/// of its text.
/// </summary>
public sealed record DocumentChunk(int Position, string Text, IReadOnlyList<string> HeadingPath, int Start, int End, int? Page, string ContentHash);

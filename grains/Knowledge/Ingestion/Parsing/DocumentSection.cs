namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// The normalised text under one heading. <see cref="Start"/> is where the text begins in the document's
/// <see cref="ParsedDocument.Text"/>; <see cref="Page"/> is the 1-based page of a PDF (null for other formats).
/// </summary>
public sealed record DocumentSection(IReadOnlyList<string> HeadingPath, string Text, int Start, int? Page)
{
    public int End => Start + Text.Length;
}

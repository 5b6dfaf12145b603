namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>The document types the parsers read.</summary>
public enum SourceFormat
{
    Text,
    Markdown,
    Html,
    Docx,
    Pdf,
}

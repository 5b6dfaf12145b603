using Cluster.Grains.Knowledge.Ingestion;
namespace Cluster.Grains.Knowledge.Storage;

/// <summary>A document a worker has claimed, with the parsed text it chunks.</summary>
public sealed record ClaimedDocument(DocumentRecord Document, SourceFormat Format, IReadOnlyList<DocumentSection> Sections)
{
    /// <summary>The document as its parser produced it: <see cref="ParsedDocument.Text"/> is the sections joined by a blank line.</summary>
    public ParsedDocument Parsed()
    {
        var texts = new string[Sections.Count];
        for (var i = 0; i < texts.Length; i++)
            texts[i] = Sections[i].Text;
        return new ParsedDocument(Document.Title, Format, Sections, string.Join("\n\n", texts), Document.ContentHash);
    }
}

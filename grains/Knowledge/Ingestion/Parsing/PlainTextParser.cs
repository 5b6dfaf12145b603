namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>Plain text: one section without headings; blank lines separate paragraphs.</summary>
internal static class PlainTextParser
{
    public static ParsedDocument Parse(string text, string? title, string? fileName)
    {
        var builder = new SectionBuilder(SourceFormat.Text, fileName);
        builder.Append(text);
        return builder.Build(title);
    }
}

using System.Text;
using Cluster.GrainInterfaces.Knowledge.Ingestion;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Collects a document as the parsers walk it: headings open sections (a heading of level n closes every open heading
/// of level n or deeper), text goes to the open section. <see cref="Build"/> normalises every section, drops the empty
/// ones and lays the rest out as one text.
/// </summary>
internal sealed class SectionBuilder(SourceFormat format, string? fileName)
{
    private const string SectionSeparator = "\n\n";

    private readonly List<(int Level, string Text)> _headings = [];
    private readonly List<(string[] Path, string Text, int? Page)> _sections = [];
    private readonly StringBuilder _text = new();
    private string[] _path = [];
    private int? _page;
    private string? _firstHeading;

    public void Heading(int level, string text)
    {
        var heading = TextNormalizer.NormalizeLine(text);
        if (heading.Length == 0)
            return;
        Flush();
        while (_headings.Count > 0 && _headings[^1].Level >= level)
            _headings.RemoveAt(_headings.Count - 1);
        _headings.Add((level, heading));
        _path = new string[_headings.Count];
        for (var i = 0; i < _path.Length; i++)
            _path[i] = _headings[i].Text;
        _firstHeading ??= heading;
    }

    /// <summary>Starts the text of a PDF page: pages are sections of their own, so chunks can cite them.</summary>
    public void Page(int page)
    {
        Flush();
        _page = page;
    }

    /// <summary>The open section's raw text, for parsers that write into it directly.</summary>
    public StringBuilder Text => _text;

    public void Append(string text) => _text.Append(text);

    public void Append(char c) => _text.Append(c);

    /// <summary>Ends a block (paragraph, list item, table cell): the chunker prefers to cut there.</summary>
    public void EndBlock() => _text.Append(SectionSeparator);

    public ParsedDocument Build(string? title)
    {
        Flush();
        var sections = new List<DocumentSection>(_sections.Count);
        var text = new StringBuilder();
        foreach (var (path, raw, page) in _sections)
        {
            var normalized = TextNormalizer.Normalize(raw);
            if (normalized.Length == 0)
                continue;
            if (text.Length > 0)
                text.Append(SectionSeparator);
            sections.Add(new DocumentSection(path, normalized, text.Length, page));
            text.Append(normalized);
        }

        if (sections.Count == 0)
            throw new EmptyDocumentException(format == SourceFormat.Pdf
                ? $"{Describe()} has no extractable text; a PDF of scanned pages needs text recognition (OCR) before upload"
                : $"{Describe()} has no text to index");
        var all = text.ToString();
        return new ParsedDocument(ChooseTitle(title, all), format, sections, all, ContentHash.Of(all));
    }

    private void Flush()
    {
        if (_text.Length == 0)
            return;
        _sections.Add((_path, _text.ToString(), _page));
        _text.Clear();
    }

    /// <summary>The document's own title, else its first heading, else its file name, else its first line.</summary>
    private string ChooseTitle(string? title, string text)
    {
        var own = title is null ? string.Empty : TextNormalizer.NormalizeLine(title);
        if (own.Length > 0)
            return own;
        if (_firstHeading is not null)
            return _firstHeading;
        var stem = Path.GetFileNameWithoutExtension(fileName);
        if (!string.IsNullOrWhiteSpace(stem))
            return TextNormalizer.NormalizeLine(stem);
        var line = text.AsSpan();
        var newline = line.IndexOf('\n');
        if (newline >= 0)
            line = line[..newline];
        return line.Length > 100 ? line[..100].ToString() : line.ToString();
    }

    private string Describe() => fileName is null ? $"the {format} document" : $"'{fileName}'";
}

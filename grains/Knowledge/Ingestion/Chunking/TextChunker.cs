using Cluster.GrainInterfaces.Knowledge.Ingestion;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Heading-aware splitting: a chunk never crosses a section, so it keeps one heading path. Within a section each cut
/// falls at the strongest boundary in the second half of the size window: a paragraph break, else a line break, else
/// a sentence end, else a space, else (one long word) at the window's end without splitting a surrogate pair. The next
/// chunk starts at the earliest sentence start (else word start) within the last <see cref="ChunkingOptions.Overlap"/>
/// characters, so overlap repeats whole sentences or words. Chunks are trimmed of whitespace.
/// </summary>
public static class TextChunker
{
    private enum Boundary
    {
        Paragraph,
        Line,
        Sentence,
        Word,
    }

    public static IReadOnlyList<DocumentChunk> Chunk(ParsedDocument document, ChunkingOptions options)
    {
        options.Validate();
        var chunks = new List<DocumentChunk>(document.Text.Length / (options.Size - options.Overlap) + document.Sections.Count);
        foreach (var section in document.Sections)
            ChunkSection(document.Text, section, options, chunks);
        return chunks;
    }

    private static void ChunkSection(string text, DocumentSection section, ChunkingOptions options, List<DocumentChunk> chunks)
    {
        var end = section.End;
        var start = SkipSpace(text, section.Start, end);
        var covered = start;
        while (start < end)
        {
            if (end - start <= options.Size)
            {
                Add(text, start, end, section, chunks);
                return;
            }

            // Past the first visible character the previous chunk left out, so no chunk lies within the one before.
            var cut = Cut(text, start, start + options.Size, SkipSpace(text, covered, end));
            Add(text, start, cut, section, chunks);
            covered = cut;
            var next = OverlapStart(text, Math.Max(start + 1, cut - options.Overlap), cut);
            start = SkipSpace(text, next, end);
        }
    }

    /// <summary>
    /// Where the chunk from <paramref name="start"/> ends: after the strongest boundary in the window's second half
    /// that lies beyond <paramref name="uncovered"/>.
    /// </summary>
    private static int Cut(string text, int start, int limit, int uncovered)
    {
        var earliest = Math.Max(start + (limit - start) / 2, uncovered);
        for (var boundary = Boundary.Paragraph; boundary <= Boundary.Word; boundary++)
        {
            for (var at = limit; at > earliest; at--)
            {
                if (IsBoundary(text, at, boundary))
                    return at;
            }
        }

        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    /// <summary>The earliest sentence start in [from, cut], else the earliest word start, else the cut itself.</summary>
    private static int OverlapStart(string text, int from, int cut)
    {
        for (var boundary = Boundary.Sentence; boundary <= Boundary.Word; boundary++)
        {
            for (var at = from; at < cut; at++)
            {
                if (IsBoundary(text, at, boundary))
                    return at;
            }
        }

        return cut;
    }

    /// <summary>Whether a chunk may end (and the next begin) at <paramref name="at"/>, just after a separator of the given kind.</summary>
    private static bool IsBoundary(string text, int at, Boundary boundary)
    {
        if (at <= 0 || at >= text.Length)
            return false;
        var before = text[at - 1];
        return boundary switch
        {
            Boundary.Paragraph => before == '\n' && at >= 2 && text[at - 2] == '\n',
            Boundary.Line => before == '\n',
            Boundary.Sentence => IsSentenceEnd(text, at),
            _ => before is ' ' or '\n',
        };
    }

    /// <summary>After ". ", "! ", "? " (a closing quote or bracket may sit between) or after CJK full stops.</summary>
    private static bool IsSentenceEnd(string text, int at)
    {
        var before = text[at - 1];
        if (before is '。' or '！' or '？')
            return true;
        if (before is not (' ' or '\n'))
            return false;
        var i = at - 2;
        while (i >= 0 && text[i] is '"' or '\'' or ')' or ']' or '”' or '’')
            i--;
        return i >= 0 && text[i] is '.' or '!' or '?';
    }

    private static int SkipSpace(string text, int at, int end)
    {
        while (at < end && char.IsWhiteSpace(text[at]))
            at++;
        return at;
    }

    private static void Add(string text, int start, int end, DocumentSection section, List<DocumentChunk> chunks)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end == start)
            return;
        var slice = text.AsSpan(start, end - start);
        chunks.Add(new DocumentChunk(chunks.Count, slice.ToString(), section.HeadingPath, start, end, section.Page, ContentHash.Of(slice)));
    }
}

using Cluster.GrainInterfaces.Knowledge.Ingestion;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Turns an uploaded file, or text sent as JSON, into a <see cref="ParsedDocument"/> of normalised sections. Throws a
/// <see cref="DocumentRejectedException"/> subtype saying what is wrong and what to do: unsupported type, corrupt file,
/// or no text.
/// </summary>
public static class DocumentParser
{
    /// <summary>Parses a file; <paramref name="title"/>, when given, overrides the title the file carries.</summary>
    public static ParsedDocument Parse(byte[] bytes, string? fileName, string? contentType, string? title = null)
    {
        var description = fileName is null ? "The document" : $"'{fileName}'";
        if (bytes.Length == 0)
            throw new EmptyDocumentException($"{description} is empty (0 bytes)");
        return SourceFormatDetector.Detect(bytes, fileName, contentType) switch
        {
            SourceFormat.Pdf => PdfParser.Parse(bytes, title, fileName),
            SourceFormat.Docx => DocxParser.Parse(bytes, title, fileName),
            SourceFormat.Markdown => MarkdownParser.Parse(TextDecoder.Decode(bytes, description), title, fileName),
            SourceFormat.Html => HtmlDocumentParser.Parse(TextDecoder.Decode(bytes, description), title, fileName),
            _ => PlainTextParser.Parse(TextDecoder.Decode(bytes, description), title, fileName),
        };
    }

    /// <summary>Text sent as JSON (<c>{title, text}</c>): plain text under the given title.</summary>
    public static ParsedDocument ParseText(string? title, string text) => PlainTextParser.Parse(text, title, fileName: null);
}

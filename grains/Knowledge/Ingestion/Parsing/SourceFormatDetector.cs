using Cluster.GrainInterfaces.Knowledge.Ingestion;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Chooses the parser from the file's first bytes and its declared type (extension first, since browsers often send
/// application/octet-stream, then content type). Magic bytes win for binary formats: a PDF named .bin is still a PDF;
/// a file declared PDF or .docx without their magic bytes is corrupt; undeclared text is sniffed for HTML.
/// </summary>
public static class SourceFormatDetector
{
    public const string Supported = "upload .txt, .md, .html, .docx or .pdf files, or send the text as JSON";

    private const int PdfHeaderWindow = 1024;

    private static readonly Dictionary<string, SourceFormat> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = SourceFormat.Text, [".text"] = SourceFormat.Text, [".log"] = SourceFormat.Text, [".json"] = SourceFormat.Text,
        [".md"] = SourceFormat.Markdown, [".markdown"] = SourceFormat.Markdown,
        [".html"] = SourceFormat.Html, [".htm"] = SourceFormat.Html, [".xhtml"] = SourceFormat.Html,
        [".docx"] = SourceFormat.Docx,
        [".pdf"] = SourceFormat.Pdf,
    };

    private static readonly Dictionary<string, SourceFormat> ByContentType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/plain"] = SourceFormat.Text, ["application/json"] = SourceFormat.Text,
        ["text/markdown"] = SourceFormat.Markdown, ["text/x-markdown"] = SourceFormat.Markdown,
        ["text/html"] = SourceFormat.Html, ["application/xhtml+xml"] = SourceFormat.Html,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = SourceFormat.Docx,
        ["application/pdf"] = SourceFormat.Pdf,
    };

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static SourceFormat Detect(ReadOnlySpan<byte> bytes, string? fileName, string? contentType)
    {
        var description = fileName is null ? "The document" : $"'{fileName}'";
        if (bytes[..Math.Min(bytes.Length, PdfHeaderWindow)].IndexOf(PdfMagic) >= 0)
            return SourceFormat.Pdf;
        var declared = Declared(fileName, contentType, description);
        if (bytes.StartsWith(ZipMagic))
            return declared is null or SourceFormat.Docx
                ? SourceFormat.Docx
                : throw new UnsupportedDocumentTypeException($"{description} is a zip archive, not {declared} text; {Supported}");
        if (bytes.StartsWith(OleMagic))
            throw new UnsupportedDocumentTypeException($"{description} is a legacy Office file (.doc, .xls or .ppt); save it as .docx or PDF and upload that");
        switch (declared)
        {
            case SourceFormat.Pdf:
                throw new CorruptDocumentException($"{description} is declared as PDF but does not start with %PDF-; it is damaged or not a PDF: export or print it to PDF again");
            case SourceFormat.Docx:
                throw new CorruptDocumentException($"{description} is declared as .docx but is not a zip package; it is damaged or not a Word document: save it as .docx again");
            case { } format:
                return format;
        }

        if (!TextDecoder.LooksLikeText(bytes))
            throw new UnsupportedDocumentTypeException($"{description} is a binary file of an unknown type; {Supported}");
        return LooksLikeHtml(bytes) ? SourceFormat.Html : SourceFormat.Text;
    }

    /// <summary>The format the name or content type declares; null when neither says (no extension, octet-stream).</summary>
    private static SourceFormat? Declared(string? fileName, string? contentType, string description)
    {
        var extension = Path.GetExtension(fileName);
        if (!string.IsNullOrEmpty(extension))
        {
            return ByExtension.TryGetValue(extension, out var byName)
                ? byName
                : throw new UnsupportedDocumentTypeException($"{description}: {extension} files are not supported; {Supported}");
        }

        var mediaType = contentType is null ? null : contentType.Split(';', 2)[0].Trim();
        if (string.IsNullOrEmpty(mediaType) || mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            return null;
        return ByContentType.TryGetValue(mediaType, out var byType)
            ? byType
            : throw new UnsupportedDocumentTypeException($"{description}: content type {mediaType} is not supported; {Supported}");
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 512)].TrimStart(" \t\r\n"u8);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        return StartsWithIgnoreCase(head, "<!doctype html"u8) || StartsWithIgnoreCase(head, "<html"u8);
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
    {
        if (text.Length < prefix.Length)
            return false;
        for (var i = 0; i < prefix.Length; i++)
        {
            if ((text[i] | 0x20) != (prefix[i] | 0x20))
                return false;
        }

        return true;
    }
}

using System.Text;
using Cluster.GrainInterfaces.Knowledge.Ingestion;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// PDF text page by page (each page a section, so chunks can cite it), in content order with words and lines joined
/// by PdfPig's layout analysis; a word hyphenated across a line break is joined again. PDFs carry no reliable
/// headings, so sections have none; the title is the document's Title property.
/// </summary>
internal static class PdfParser
{
    public static ParsedDocument Parse(byte[] bytes, string? title, string? fileName)
    {
        var description = fileName is null ? "The PDF" : $"'{fileName}'";
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var builder = new SectionBuilder(SourceFormat.Pdf, fileName);
            foreach (var page in pdf.GetPages())
            {
                builder.Page(page.Number);
                AppendJoined(ContentOrderTextExtractor.GetText(page), builder.Text);
            }

            return builder.Build(string.IsNullOrWhiteSpace(title) ? pdf.Information.Title : title);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new CorruptDocumentException($"{description} is encrypted; remove its password protection and upload it again", e);
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException
                                      or IndexOutOfRangeException or InvalidDataException or EndOfStreamException or KeyNotFoundException)
        {
            // PdfPig reports damage in the file's structure with several exception types; all mean the same to the uploader.
            throw new CorruptDocumentException($"{description} cannot be read as a PDF ({e.Message}); it may be truncated or damaged: export or print it to PDF again", e);
        }
    }

    /// <summary>Appends page text, joining "exam-\nple" into "example" where a lower-case letter follows the break.</summary>
    private static void AppendJoined(string text, StringBuilder target)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '-' && i > 0 && char.IsLetter(text[i - 1]) && i + 2 < text.Length && text[i + 1] == '\n' && char.IsLower(text[i + 2]))
            {
                i++;
                continue;
            }

            target.Append(text[i]);
        }
    }
}

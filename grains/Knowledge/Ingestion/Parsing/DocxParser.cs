using System.Xml;
using Cluster.GrainInterfaces.Knowledge.Ingestion;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Word documents (.docx): paragraphs in body order (table cells included); a paragraph whose style is a heading
/// (Heading 1…9, or any style or paragraph with an outline level) opens a section. The title is the document
/// property, else the paragraph styled Title.
/// </summary>
internal static class DocxParser
{
    /// <summary>Outline level 9 is Word's "body text"; 0–8 are heading levels 1–9.</summary>
    private const int BodyTextOutlineLevel = 9;

    public static ParsedDocument Parse(byte[] bytes, string? title, string? fileName)
    {
        var description = fileName is null ? "The Word document" : $"'{fileName}'";
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new UnsupportedDocumentTypeException($"{description} is a zip archive without a Word document in it; upload .docx files saved by Word or another word processor");
            var levels = HeadingLevels(document.MainDocumentPart.StyleDefinitionsPart?.Styles);
            var builder = new SectionBuilder(SourceFormat.Docx, fileName);
            var ownTitle = string.IsNullOrWhiteSpace(title) ? document.PackageProperties.Title : title;
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                var properties = paragraph.ParagraphProperties;
                var styleId = properties?.ParagraphStyleId?.Val?.Value;
                if (styleId == "Title" && string.IsNullOrWhiteSpace(ownTitle))
                {
                    ownTitle = paragraph.InnerText;
                    continue;
                }

                var level = OutlineLevel(properties?.OutlineLevel) ?? (styleId is not null && levels.TryGetValue(styleId, out var styled) ? styled : null);
                if (level is { } heading)
                {
                    builder.Heading(heading, paragraph.InnerText);
                    continue;
                }

                WriteRuns(paragraph, builder);
                builder.EndBlock();
            }

            return builder.Build(ownTitle);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException)
        {
            throw new CorruptDocumentException($"{description} cannot be read as a Word document ({e.Message}); it may be truncated or damaged: open and save it again in a word processor", e);
        }
    }

    /// <summary>Heading level by style id: from the style's outline level, else from a "heading N" style name.</summary>
    private static Dictionary<string, int?> HeadingLevels(Styles? styles)
    {
        var levels = new Dictionary<string, int?>(StringComparer.Ordinal);
        if (styles is null)
            return levels;
        foreach (var style in styles.Elements<Style>())
        {
            if (style.StyleId?.Value is not { } id)
                continue;
            levels[id] = OutlineLevel(style.StyleParagraphProperties?.OutlineLevel) ?? NamedLevel(style.StyleName?.Val?.Value);
        }

        return levels;
    }

    private static int? OutlineLevel(OutlineLevel? outline) =>
        outline?.Val?.Value is { } value && value < BodyTextOutlineLevel ? value + 1 : null;

    private static int? NamedLevel(string? name) =>
        name is not null && name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(8), out var level) && level is >= 1 and <= 9
            ? level
            : null;

    /// <summary>The paragraph's own text: tabs and breaks kept, text boxes' paragraphs left to their own turn.</summary>
    private static void WriteRuns(OpenXmlElement element, SectionBuilder builder)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar:
                    builder.Append('\t');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
                case Paragraph:
                    break;
                default:
                    WriteRuns(child, builder);
                    break;
            }
        }
    }
}

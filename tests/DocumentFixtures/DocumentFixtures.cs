using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using WordDocument = DocumentFormat.OpenXml.Wordprocessing.Document;

namespace Cluster.Fixtures;

/// <summary>Real .docx and .pdf files built in memory with OpenXml and PdfPig, for the parser tests and the ingestion bench.</summary>
internal static class DocumentFixtures
{
    /// <summary>A .docx of (style id or null, text) paragraphs, with Heading1..3 styles defined by name and outline level.</summary>
    public static byte[] Docx(string? title, params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                HeadingStyle("Heading1", "heading 1", outlineLevel: 0),
                HeadingStyle("Heading2", "heading 2", outlineLevel: null),
                HeadingStyle("Heading3", "heading 3", outlineLevel: 2),
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" });
            var body = new Body();
            foreach (var (style, text) in paragraphs)
            {
                var paragraph = new Paragraph();
                if (style is not null)
                    paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
                paragraph.Append(new Run(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                body.Append(paragraph);
            }

            main.Document = new WordDocument(body);
            if (title is not null)
                document.PackageProperties.Title = title;
        }

        return stream.ToArray();
    }

    /// <summary>A PDF with one page per entry, each line of the entry drawn 14 points below the last.</summary>
    public static byte[] Pdf(string? title, params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        if (title is not null)
            builder.DocumentInformation.Title = title;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(50, y), font);
                y -= 14;
            }
        }

        return builder.Build();
    }

    private static Style HeadingStyle(string id, string name, int? outlineLevel)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (outlineLevel is { } level)
            style.Append(new StyleParagraphProperties(new OutlineLevel { Val = level }));
        return style;
    }
}

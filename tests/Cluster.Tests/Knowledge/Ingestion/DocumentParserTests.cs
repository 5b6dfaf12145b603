using System.Text;
using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Cluster.Grains.Knowledge.Ingestion;
using Cluster.Fixtures;
using Xunit;

namespace Cluster.Tests.Knowledge.Ingestion;

public sealed class DocumentParserTests
{
    private static ParsedDocument ParseString(string text, string fileName, string? contentType = null) =>
        DocumentParser.Parse(Encoding.UTF8.GetBytes(text), fileName, contentType);

    private static string[] Paths(ParsedDocument document) =>
        document.Sections.Select(s => string.Join(" > ", s.HeadingPath)).ToArray();

    [Fact]
    public void Markdown_headings_become_heading_paths_and_markup_is_dropped()
    {
        var document = ParseString("""
            Preface text.

            # Guide
            Intro with **bold** and a [link](https://example.com).

            ## Install
            Run `make`:

            ```
            make install
            ```

            ### Linux
            - apt
            - dnf

            ## Use
            | a | b |
            |---|---|
            | 1 | 2 |
            """, "guide.md");

        Assert.Equal(SourceFormat.Markdown, document.Format);
        Assert.Equal("Guide", document.Title);
        Assert.Equal(["", "Guide", "Guide > Install", "Guide > Install > Linux", "Guide > Use"], Paths(document));
        Assert.Equal("Intro with bold and a link.", document.Sections[1].Text);
        Assert.Equal("Run make:\n\nmake install", document.Sections[2].Text);
        Assert.Equal("apt\n\ndnf", document.Sections[3].Text);
        Assert.Contains("1 | 2", document.Sections[4].Text);
    }

    [Fact]
    public void Html_drops_scripts_styles_and_navigation_and_uses_h1_to_h6()
    {
        var document = ParseString("""
            <!DOCTYPE html><html><head><title>Handbook</title><style>p { color: red }</style></head>
            <body><nav><a href="/">Home</a> menu</nav>
            <h1>Policies</h1><p>All   staff
            must read this.</p><script>alert('x')</script>
            <h3>Leave</h3><p>Ask first.<br>Then wait.</p>
            <h2>Travel</h2><ul><li>Book early</li><li>Keep receipts</li></ul><pre>  code   kept</pre>
            </body></html>
            """, "handbook.html");

        Assert.Equal("Handbook", document.Title);
        Assert.Equal(["Policies", "Policies > Leave", "Policies > Travel"], Paths(document));
        Assert.Equal("All staff must read this.", document.Sections[0].Text);
        Assert.Equal("Ask first.\nThen wait.", document.Sections[1].Text);
        Assert.Equal("Book early\n\nKeep receipts\n\ncode kept", document.Sections[2].Text);
        Assert.DoesNotContain("alert", document.Text);
        Assert.DoesNotContain("menu", document.Text);
        Assert.DoesNotContain("color", document.Text);
    }

    [Fact]
    public void Docx_heading_styles_and_outline_levels_become_heading_paths()
    {
        var bytes = DocumentFixtures.Docx("Annual report",
            ("Heading1", "Results"),
            (null, "Revenue grew."),
            ("Heading2", "Europe"),
            (null, "Strong quarter."),
            ("Heading3", "France"),
            (null, "Paris led."),
            ("Heading1", "Outlook"),
            (null, "Cautious."));

        var document = DocumentParser.Parse(bytes, "report.docx", contentType: null);

        Assert.Equal(SourceFormat.Docx, document.Format);
        Assert.Equal("Annual report", document.Title);
        Assert.Equal(["Results", "Results > Europe", "Results > Europe > France", "Outlook"], Paths(document));
        Assert.Equal(["Revenue grew.", "Strong quarter.", "Paris led.", "Cautious."], document.Sections.Select(s => s.Text));
    }

    [Fact]
    public void Docx_title_style_paragraph_is_the_title_when_the_property_is_absent()
    {
        var bytes = DocumentFixtures.Docx(null, ("Title", "Field notes"), (null, "Day one."));

        var document = DocumentParser.Parse(bytes, "notes.docx", null);

        Assert.Equal("Field notes", document.Title);
        Assert.Equal("Day one.", document.Text);
    }

    [Fact]
    public void Pdf_text_is_read_per_page_with_words_and_hyphenated_lines_joined()
    {
        var bytes = DocumentFixtures.Pdf("Manual", ["Getting started with the", "machine is easy."], ["Maintenance needs a com-", "plete checklist."]);

        var document = DocumentParser.Parse(bytes, "manual.pdf", "application/pdf");

        Assert.Equal(SourceFormat.Pdf, document.Format);
        Assert.Equal("Manual", document.Title);
        Assert.Equal([1, 2], document.Sections.Select(s => s.Page ?? 0));
        Assert.Equal("Getting started with the\nmachine is easy.", document.Sections[0].Text);
        Assert.Equal("Maintenance needs a complete checklist.", document.Sections[1].Text);
    }

    [Fact]
    public void Pdf_is_recognised_by_its_magic_bytes_whatever_its_name()
    {
        var bytes = DocumentFixtures.Pdf(null, ["Scanned text here."]);

        var document = DocumentParser.Parse(bytes, "upload.bin", "application/octet-stream");

        Assert.Equal(SourceFormat.Pdf, document.Format);
        Assert.Equal("Scanned text here.", document.Text);
    }

    [Fact]
    public void Docx_is_recognised_as_a_zip_package_without_a_name()
    {
        var bytes = DocumentFixtures.Docx(null, (null, "Body."));

        Assert.Equal(SourceFormat.Docx, DocumentParser.Parse(bytes, null, null).Format);
    }

    [Fact]
    public void Undeclared_text_is_sniffed_for_html()
    {
        var html = DocumentParser.Parse(Encoding.UTF8.GetBytes("<!doctype html><p>Hi <b>there</b></p>"), null, null);
        var text = DocumentParser.Parse(Encoding.UTF8.GetBytes("Just <words>."), null, null);

        Assert.Equal((SourceFormat.Html, "Hi there"), (html.Format, html.Text));
        Assert.Equal((SourceFormat.Text, "Just <words>."), (text.Format, text.Text));
    }

    [Fact]
    public void Json_text_is_plain_text_under_its_title()
    {
        var document = DocumentParser.ParseText("Note", "  Line one.\r\n\r\n\r\nLine two.  ");

        Assert.Equal(("Note", "Line one.\n\nLine two."), (document.Title, document.Text));
        Assert.Empty(document.Sections[0].HeadingPath);
    }

    [Fact]
    public void Truncated_pdf_is_corrupt()
    {
        var bytes = DocumentFixtures.Pdf("Manual", ["Some text on the page."]);

        var error = Assert.Throws<CorruptDocumentException>(() => DocumentParser.Parse(bytes[..(bytes.Length / 3)], "manual.pdf", null));

        Assert.Contains("'manual.pdf'", error.Message);
        Assert.Contains("damaged", error.Message);
    }

    [Fact]
    public void Truncated_docx_is_corrupt()
    {
        var bytes = DocumentFixtures.Docx("Report", (null, "Body text that makes the archive a little longer."));

        var error = Assert.Throws<CorruptDocumentException>(() => DocumentParser.Parse(bytes[..(bytes.Length / 2)], "report.docx", null));

        Assert.Contains("Word document", error.Message);
    }

    [Fact]
    public void File_declared_pdf_without_pdf_bytes_is_corrupt()
    {
        var error = Assert.Throws<CorruptDocumentException>(() => ParseString("hello", "file.pdf"));

        Assert.Contains("%PDF-", error.Message);
    }

    [Theory]
    [InlineData("", "notes.txt")]
    [InlineData("   \n\t\u200B ", "notes.txt")]
    [InlineData("<html><body><script>x()</script></body></html>", "page.html")]
    [InlineData("# Only\n## Headings", "headings.md")]
    public void Document_without_text_is_empty(string text, string fileName)
    {
        var error = Assert.Throws<EmptyDocumentException>(() => ParseString(text, fileName));

        Assert.Contains($"'{fileName}'", error.Message);
    }

    [Fact]
    public void Pdf_without_text_is_empty_and_suggests_ocr()
    {
        var bytes = DocumentFixtures.Pdf(null, []);

        var error = Assert.Throws<EmptyDocumentException>(() => DocumentParser.Parse(bytes, "scan.pdf", null));

        Assert.Contains("OCR", error.Message);
    }

    [Theory]
    [InlineData("sheet.xlsx", null)]
    [InlineData(null, "image/png")]
    public void Unsupported_types_are_rejected_naming_the_supported_ones(string? fileName, string? contentType)
    {
        var error = Assert.Throws<UnsupportedDocumentTypeException>(() => DocumentParser.Parse("data"u8.ToArray(), fileName, contentType));

        Assert.Contains(SourceFormatDetector.Supported, error.Message);
    }

    [Fact]
    public void Binary_bytes_of_unknown_type_and_legacy_office_files_are_unsupported()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        byte[] doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];

        Assert.Throws<UnsupportedDocumentTypeException>(() => DocumentParser.Parse(png, null, null));
        Assert.Contains(".docx", Assert.Throws<UnsupportedDocumentTypeException>(() => DocumentParser.Parse(doc, "old.doc", null)).Message);
    }

    [Fact]
    public void Same_content_in_different_formats_has_the_same_hash()
    {
        var text = DocumentParser.Parse(Encoding.UTF8.GetBytes("Alpha beta.\n\nGamma."), "a.txt", null);
        var html = DocumentParser.Parse(Encoding.UTF8.GetBytes("<p>Alpha   beta.</p><p>Gamma.</p>"), "a.html", null);
        var other = DocumentParser.Parse(Encoding.UTF8.GetBytes("Alpha beta.\n\nDelta."), "b.txt", null);

        Assert.Equal(text.ContentHash, html.ContentHash);
        Assert.NotEqual(text.ContentHash, other.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", text.ContentHash);
    }

    [Fact]
    public void Latin1_bytes_that_are_not_utf8_are_still_read()
    {
        var document = DocumentParser.Parse(Encoding.Latin1.GetBytes("Café au lait"), "menu.txt", null);

        Assert.Equal("Café au lait", document.Text);
    }
}

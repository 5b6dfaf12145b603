using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// HTML as text: h1–h6 make the heading path; scripts, styles, navigation and other non-content elements are dropped;
/// block elements end paragraphs, table rows become lines; whitespace collapses as a browser shows it, except in
/// &lt;pre&gt;. The &lt;title&gt; is the title.
/// </summary>
internal static class HtmlDocumentParser
{
    private const string NonContent = "script, style, nav, noscript, template, svg, iframe, object, head";

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "blockquote", "pre",
        "section", "article", "main", "aside", "header", "footer", "figure", "figcaption", "form", "fieldset",
        "address", "details", "summary", "hr", "caption",
    };

    public static ParsedDocument Parse(string html, string? title, string? fileName)
    {
        var document = new HtmlParser().ParseDocument(html);
        var ownTitle = string.IsNullOrWhiteSpace(title) ? document.Title : title;
        foreach (var element in document.QuerySelectorAll(NonContent))
            element.Remove();
        var builder = new SectionBuilder(SourceFormat.Html, fileName);
        if (document.Body is { } body)
            Write(body, builder, preformatted: false);
        return builder.Build(ownTitle);
    }

    private static void Write(INode node, SectionBuilder builder, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                AppendText(text.Data, builder.Text, preformatted);
                continue;
            }

            if (child is not IElement element)
                continue;
            var name = element.LocalName;
            if (HeadingLevel(name) is { } level)
            {
                builder.Heading(level, element.TextContent);
                continue;
            }

            switch (name)
            {
                case "br":
                    builder.Append('\n');
                    break;
                case "tr":
                    Write(element, builder, preformatted);
                    builder.Append('\n');
                    break;
                case "td" or "th":
                    Write(element, builder, preformatted);
                    builder.Append('\t');
                    break;
                case var _ when Blocks.Contains(name):
                    builder.EndBlock();
                    Write(element, builder, preformatted || name == "pre");
                    builder.EndBlock();
                    break;
                default:
                    Write(element, builder, preformatted);
                    break;
            }
        }
    }

    private static int? HeadingLevel(string name) =>
        name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6' ? name[1] - '0' : null;

    /// <summary>Outside &lt;pre&gt; any run of whitespace, line breaks included, shows as one space.</summary>
    private static void AppendText(string data, StringBuilder target, bool preformatted)
    {
        if (preformatted)
        {
            target.Append(data);
            return;
        }

        var space = false;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
                target.Append(' ');
            space = false;
            target.Append(c);
        }

        if (space)
            target.Append(' ');
    }
}

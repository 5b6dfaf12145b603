using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Markdown (CommonMark with tables and the usual extensions) as text: headings (ATX and setext) make the heading path,
/// markup is dropped (links keep their text, images their alt text), code keeps its lines, table rows become lines of
/// cells. Front matter is metadata and raw HTML blocks are markup, so neither is text.
/// </summary>
internal static class MarkdownParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseYamlFrontMatter().Build();

    public static ParsedDocument Parse(string markdown, string? title, string? fileName)
    {
        var builder = new SectionBuilder(SourceFormat.Markdown, fileName);
        WriteBlocks(Markdown.Parse(markdown, Pipeline), builder);
        return builder.Build(title);
    }

    private static void WriteBlocks(ContainerBlock container, SectionBuilder builder)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var text = new StringBuilder();
                    if (heading.Inline is not null)
                        WriteInlines(heading.Inline, text);
                    builder.Heading(heading.Level, text.ToString());
                    break;
                case YamlFrontMatterBlock or ThematicBreakBlock or HtmlBlock:
                    break;
                case TableRow row:
                    WriteRow(row, builder);
                    break;
                case LeafBlock { Inline: { } inline }:
                    WriteInlines(inline, builder.Text);
                    builder.EndBlock();
                    break;
                case LeafBlock leaf:
                    builder.Append(leaf.Lines.ToString());
                    builder.EndBlock();
                    break;
                case ContainerBlock children:
                    WriteBlocks(children, builder);
                    break;
            }
        }
    }

    private static void WriteRow(TableRow row, SectionBuilder builder)
    {
        var first = true;
        foreach (var cell in row)
        {
            if (!first)
                builder.Append(" | ");
            first = false;
            foreach (var block in (ContainerBlock)cell)
            {
                if (block is LeafBlock { Inline: { } inline })
                    WriteInlines(inline, builder.Text);
            }
        }

        builder.Append('\n');
    }

    private static void WriteInlines(ContainerInline container, StringBuilder builder)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline link:
                    builder.Append(link.Url);
                    break;
                case ContainerInline children:
                    WriteInlines(children, builder);
                    break;
            }
        }
    }
}

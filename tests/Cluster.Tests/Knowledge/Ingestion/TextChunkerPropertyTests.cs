using System.Text;
using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Cluster.Grains.Knowledge.Ingestion;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Cluster.Tests.Knowledge.Ingestion;

public sealed class TextChunkerPropertyTests
{
    // Short and long words, an emoji (a surrogate pair), CJK with its own full stop, and one word longer than any size.
    private static readonly string[] Words =
        ["a", "the", "chunk", "retrieval", "knowledge", "Orleans", "embedding", "😀", "数据库。", "x", new string('w', 450)];

    private static Gen<string> SentenceGen =>
        from count in Gen.Choose(1, 25)
        from words in Gen.ArrayOf(Gen.Elements(Words), count)
        from end in Gen.Elements(".", "!", "?", "", ".\"")
        select string.Join(' ', words) + end;

    private static Gen<string> ParagraphGen =>
        from count in Gen.Choose(1, 8)
        from sentences in Gen.ArrayOf(SentenceGen, count)
        from lineBreaks in Gen.Elements(" ", "\n")
        select string.Join(lineBreaks, sentences);

    private static Gen<string> SectionGen =>
        from level in Gen.Choose(0, 3)
        from title in Gen.Elements("Intro", "Setup", "Usage", "Limits")
        from count in Gen.Choose(0, 5)
        from paragraphs in Gen.ArrayOf(ParagraphGen, count)
        select (level == 0 ? string.Empty : new string('#', level) + " " + title + "\n\n") + string.Join("\n\n", paragraphs);

    private static Arbitrary<(ParsedDocument Document, ChunkingOptions Options)> Cases =>
        (from count in Gen.Choose(1, 6)
         from sections in Gen.ArrayOf(SectionGen, count)
         from size in Gen.Choose(ChunkingOptions.MinSize, 600)
         from overlapShare in Gen.Choose(0, 50)
         let markdown = "Lead sentence.\n\n" + string.Join("\n\n", sections)
         select (DocumentParser.Parse(Encoding.UTF8.GetBytes(markdown), "doc.md", null), new ChunkingOptions { Size = size, Overlap = size * overlapShare / 100 }))
        .ToArbitrary();

    [Fact]
    public void Every_chunk_fits_the_size_and_is_the_trimmed_text_at_its_offsets()
    {
        Prop.ForAll(Cases, c =>
        {
            foreach (var chunk in TextChunker.Chunk(c.Document, c.Options))
            {
                Assert.InRange(chunk.Text.Length, 1, c.Options.Size);
                Assert.Equal(c.Document.Text[chunk.Start..chunk.End], chunk.Text);
                Assert.Equal(chunk.Text.Trim(), chunk.Text);
                Assert.False(char.IsLowSurrogate(chunk.Text[0]) || char.IsHighSurrogate(chunk.Text[^1]), "a surrogate pair was split");
                Assert.Equal(ContentHash.Of(chunk.Text), chunk.ContentHash);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Positions_run_from_zero_without_gaps()
    {
        Prop.ForAll(Cases, c =>
        {
            var chunks = TextChunker.Chunk(c.Document, c.Options);
            for (var i = 0; i < chunks.Count; i++)
                Assert.Equal(i, chunks[i].Position);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Consecutive_chunks_advance_and_repeat_at_most_the_overlap()
    {
        Prop.ForAll(Cases, c =>
        {
            var chunks = TextChunker.Chunk(c.Document, c.Options);
            for (var i = 1; i < chunks.Count; i++)
            {
                Assert.True(chunks[i].Start > chunks[i - 1].Start, $"chunk {i} does not advance");
                Assert.True(chunks[i].End > chunks[i - 1].End, $"chunk {i} ends inside chunk {i - 1}");
                Assert.True(chunks[i - 1].End - chunks[i].Start <= c.Options.Overlap, $"chunk {i} repeats more than {c.Options.Overlap} characters");
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Chunks_cover_every_visible_character_of_the_document()
    {
        Prop.ForAll(Cases, c =>
        {
            var covered = new bool[c.Document.Text.Length];
            foreach (var chunk in TextChunker.Chunk(c.Document, c.Options))
                Array.Fill(covered, true, chunk.Start, chunk.End - chunk.Start);
            foreach (var section in c.Document.Sections)
            {
                for (var at = section.Start; at < section.End; at++)
                    Assert.True(covered[at] || char.IsWhiteSpace(c.Document.Text[at]), $"character {at} is in no chunk");
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Each_chunk_lies_in_one_section_and_carries_its_heading_path()
    {
        Prop.ForAll(Cases, c =>
        {
            foreach (var chunk in TextChunker.Chunk(c.Document, c.Options))
            {
                var section = c.Document.Sections.Single(s => s.Start <= chunk.Start && chunk.Start < s.End);
                Assert.True(chunk.End <= section.End, "a chunk crosses a section boundary");
                Assert.Equal(section.HeadingPath, chunk.HeadingPath);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Chunking_is_deterministic()
    {
        Prop.ForAll(Cases, c =>
        {
            var first = TextChunker.Chunk(c.Document, c.Options);
            var second = TextChunker.Chunk(c.Document, c.Options);
            Assert.Equal(first.Select(x => (x.Start, x.End, x.ContentHash)), second.Select(x => (x.Start, x.End, x.ContentHash)));
        }).QuickCheckThrowOnFailure();
    }
}

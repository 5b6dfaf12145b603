using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Cluster.Grains.Knowledge.Ingestion;
using Xunit;

namespace Cluster.Tests.Knowledge.Ingestion;

public sealed class TextChunkerTests
{
    private static readonly ChunkingOptions Small = new() { Size = 100, Overlap = 40 };

    [Fact]
    public void Cuts_fall_at_paragraph_breaks_before_sentence_ends()
    {
        var first = "First paragraph has a sentence. And another one here.";
        var second = "Second paragraph is short. It ends here too.";
        var document = DocumentParser.ParseText("t", first + "\n\n" + second);

        var chunks = TextChunker.Chunk(document, new ChunkingOptions { Size = 64, Overlap = 0 });

        Assert.Equal([first, second], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Overlap_repeats_whole_sentences_from_the_previous_chunk()
    {
        var document = DocumentParser.ParseText("t", "Alpha one two three four five six seven eight. Beta nine ten. Gamma eleven twelve thirteen fourteen fifteen sixteen.");

        var chunks = TextChunker.Chunk(document, Small);

        Assert.Equal(2, chunks.Count);
        Assert.EndsWith("Beta nine ten.", chunks[0].Text);
        Assert.StartsWith("Beta nine ten. Gamma", chunks[1].Text);
    }

    [Fact]
    public void A_chunk_never_lies_within_the_one_before()
    {
        // The first cut falls at the window's end after "。"; the next window's only strong boundary is the paragraph
        // break just past it, which would make a chunk repeating nothing but the previous chunk's tail.
        var text = new string('a', 31) + "。" + new string('b', 31) + "。\n\n" + new string('c', 100);
        var document = DocumentParser.ParseText("t", text);

        var chunks = TextChunker.Chunk(document, new ChunkingOptions { Size = 64, Overlap = 32 });

        for (var i = 1; i < chunks.Count; i++)
            Assert.True(chunks[i].End > chunks[i - 1].End, $"chunk {i} [{chunks[i].Start}, {chunks[i].End}) lies within chunk {i - 1}");
        Assert.Equal(new string('b', 31) + "。\n\n" + new string('c', 30), chunks[1].Text);
    }

    [Fact]
    public void Small_document_is_one_chunk_with_its_heading_path()
    {
        var document = DocumentParser.Parse("# Guide\n## Install\nRun it."u8.ToArray(), "g.md", null);

        var chunk = Assert.Single(TextChunker.Chunk(document, ChunkingOptions.Default));

        Assert.Equal((0, "Run it.", 0, 7), (chunk.Position, chunk.Text, chunk.Start, chunk.End));
        Assert.Equal(["Guide", "Install"], chunk.HeadingPath);
    }

    [Theory]
    [InlineData(63, 0, "chunking.size")]
    [InlineData(16_001, 0, "chunking.size")]
    [InlineData(100, -1, "chunking.overlap")]
    [InlineData(100, 51, "chunking.overlap")]
    public void Options_out_of_bounds_are_rejected_naming_the_field(int size, int overlap, string field)
    {
        var error = Assert.Throws<ChunkingOptionsException>(() => new ChunkingOptions { Size = size, Overlap = overlap }.Validate());

        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Default_options_are_valid()
    {
        Assert.Same(ChunkingOptions.Default, ChunkingOptions.Default.Validate());
    }
}

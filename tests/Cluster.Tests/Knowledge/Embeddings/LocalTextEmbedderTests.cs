using System.Numerics.Tensors;
using Cluster.Grains.Knowledge.Embeddings;
using Xunit;

namespace Cluster.Tests.Knowledge.Embeddings;

[Collection(MiniLmCollection.Name)]
public sealed class LocalTextEmbedderTests(MiniLmFixture fixture)
{
    private ITextEmbedder Embedder => fixture.Embedder;

    [Fact]
    public async Task Document_vectors_are_unit_length_and_in_input_order()
    {
        string[] texts = ["A short one.", "A considerably longer sentence about the migration of birds across the Sahara in autumn.", "Mid-length text on tea."];

        var batch = await Embedder.EmbedDocumentsAsync(texts, CancellationToken.None);
        var single = await Embedder.EmbedDocumentsAsync([texts[1]], CancellationToken.None);

        Assert.Equal(3, batch.Length);
        Assert.All(batch, v => Assert.Equal(384, v.Length));
        Assert.All(batch, v => Assert.Equal(1f, TensorPrimitives.Norm(v), 4));
        Assert.True(TensorPrimitives.Dot(batch[1], single[0]) > 0.999f);
    }

    [Fact]
    public async Task Paraphrases_are_closer_than_unrelated_text()
    {
        var vectors = await Embedder.EmbedDocumentsAsync(
            ["How do I reset my password?", "Steps to recover access when you forgot your login credentials.", "The bakery sells sourdough on Fridays."],
            CancellationToken.None);

        Assert.True(TensorPrimitives.Dot(vectors[0], vectors[1]) > TensorPrimitives.Dot(vectors[0], vectors[2]) + 0.2f);
    }

    [Fact]
    public async Task Text_longer_than_the_model_reads_is_embedded()
    {
        var longText = string.Join(' ', Enumerable.Repeat("Proteins fold into shapes that decide their function in the cell.", 300));

        var vectors = await Embedder.EmbedDocumentsAsync([longText, "short"], CancellationToken.None);

        Assert.Equal(1f, TensorPrimitives.Norm(vectors[0]), 4);
    }

    [Fact]
    public async Task Concurrent_queries_get_the_same_vectors_as_sequential_ones()
    {
        string[] queries = ["vitamin D and bone density", "gene therapy trials", "air pollution asthma", "sleep and memory"];
        var sequential = new List<float[]>();
        foreach (var query in queries)
            sequential.Add(await Embedder.EmbedQueryAsync(query, CancellationToken.None));

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Embedder.EmbedQueryAsync(queries[i % 4], CancellationToken.None)));

        for (var i = 0; i < concurrent.Length; i++)
            Assert.True(TensorPrimitives.Dot(concurrent[i], sequential[i % 4]) > 0.9999f);
    }
}

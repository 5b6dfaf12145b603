using System.Numerics.Tensors;
using System.Text.Json;
using Cluster.Grains.Knowledge.Embeddings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Cluster.Tests.Knowledge.Embeddings;

public sealed class EmbedderCatalogTests
{
    [Theory]
    [InlineData(EmbeddingProvider.Local, "no-such-model", null, "model")]
    [InlineData(EmbeddingProvider.Local, null, "http://localhost:11434/v1", "endpoint")]
    [InlineData(EmbeddingProvider.OpenAi, "text-embedding-3-small", null, "endpoint")]
    [InlineData(EmbeddingProvider.OpenAi, "text-embedding-3-small", "ftp://example.org/v1", "endpoint")]
    [InlineData(EmbeddingProvider.OpenAi, " ", "http://localhost:11434/v1", "model")]
    public void Unusable_settings_are_refused_naming_the_setting(EmbeddingProvider provider, string? model, string? endpoint, string field)
    {
        using var catalog = new EmbedderCatalog();

        var error = Assert.Throws<EmbedderSettingsException>(() =>
            catalog.Get(new EmbedderSettings(provider, model, endpoint is null ? null : new Uri(endpoint))));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Endpoint_embedders_are_shared_per_endpoint_and_model()
    {
        using var catalog = new EmbedderCatalog();
        var endpoint = new Uri("http://127.0.0.1:9/v1");

        var first = catalog.Get(new EmbedderSettings(EmbeddingProvider.OpenAi, "m1", endpoint));
        var again = catalog.Get(new EmbedderSettings(EmbeddingProvider.OpenAi, "m1", endpoint));
        var other = catalog.Get(new EmbedderSettings(EmbeddingProvider.OpenAi, "m2", endpoint));

        Assert.Same(first, again);
        Assert.NotSame(first, other);
    }

    [Fact]
    public async Task An_openai_compatible_endpoint_embeds_in_batches_and_the_vectors_are_normalised()
    {
        var batchSizes = new List<int>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/embeddings", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var inputs = body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var base64 = body.RootElement.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
            lock (batchSizes)
                batchSizes.Add(inputs.Length);
            var data = inputs.Select((text, i) =>
            {
                float[] vector = [text.Length, 3f, 4f];
                object embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
                return new { @object = "embedding", index = i, embedding };
            });
            return Results.Json(new { @object = "list", data, model = "test-embed", usage = new { prompt_tokens = 1, total_tokens = 1 } });
        }));
        using var catalog = new EmbedderCatalog();
        var embedder = catalog.Get(new EmbedderSettings(EmbeddingProvider.OpenAi, "test-embed", new Uri(server.Address, "/v1")));
        var texts = Enumerable.Range(0, 70).Select(i => new string('x', i % 5)).ToArray();

        var vectors = await embedder.EmbedDocumentsAsync(texts, CancellationToken.None);
        var query = await embedder.EmbedQueryAsync("", CancellationToken.None);

        Assert.Equal([64, 6, 1], batchSizes);
        Assert.Equal(3, embedder.Dimensions);
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v), 5));
        Assert.Equal(new[] { 0f, 0.6f, 0.8f }, query.Select(x => MathF.Round(x, 5)));
        Assert.Equal(new[] { 2f / MathF.Sqrt(29), 3f / MathF.Sqrt(29), 4f / MathF.Sqrt(29) }.Select(x => MathF.Round(x, 5)), vectors[2].Select(x => MathF.Round(x, 5)));
    }
}

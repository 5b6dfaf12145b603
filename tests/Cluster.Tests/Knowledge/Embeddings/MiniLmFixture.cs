using Cluster.Grains.Knowledge.Embeddings;
using Xunit;

namespace Cluster.Tests.Knowledge.Embeddings;

/// <summary>One loaded all-MiniLM-L6-v2 for every test class in the collection: loading the model is the slow part.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public LocalTextEmbedder Embedder { get; } = new(LocalEmbeddingModel.MiniLm);

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmFixture>
{
    public const string Name = "MiniLM embedder";
}

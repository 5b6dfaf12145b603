using Cluster.Grains.Knowledge.Search;

namespace Cluster.Tests.Knowledge.Search;

/// <summary>Small chunks and vectors for index tests.</summary>
internal static class TestChunks
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    public static IndexedChunk Make(
        string chunkId,
        string documentId,
        string text,
        float[] vector,
        string title = "",
        IReadOnlyDictionary<string, string>? metadata = null,
        int position = 0) =>
        new(chunkId, documentId, null, title, text, [], position, metadata ?? NoMetadata, vector);

    /// <summary>A unit vector mostly along <paramref name="axis"/>, tilted towards <paramref name="towards"/> by <paramref name="tilt"/>.</summary>
    public static float[] Direction(int dimensions, int axis, int towards = 0, float tilt = 0f)
    {
        var vector = new float[dimensions];
        vector[axis] = 1f;
        vector[towards] += tilt;
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }

    public static float[] Random(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }

    public static KnowledgeIndex Index(int dimensions, params IndexedChunk[] chunks) =>
        KnowledgeIndex.Build(new SearchIndexOptions(dimensions), chunks);
}

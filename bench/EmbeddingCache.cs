using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Cluster.Grains.Knowledge.Embeddings;

namespace Cluster.Bench;

/// <summary>
/// Embeds texts once per (model, texts) and keeps the vectors in a file under the bench's output folder, so that
/// reruns measure search, not the embedder. Reports the embedding rate when it had to embed.
/// </summary>
internal static class EmbeddingCache
{
    public static async Task<(float[][] Vectors, double? TextsPerSecond)> GetAsync(
        ITextEmbedder embedder, IReadOnlyList<string> texts, bool queries)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "knowledge-cache", $"{Sanitize(embedder.ModelId)}-{Fingerprint(texts, queries)}.vec");
        if (File.Exists(file))
            return (Read(file), null);

        var clock = Stopwatch.StartNew();
        float[][] vectors;
        if (queries)
        {
            vectors = new float[texts.Count][];
            for (var i = 0; i < texts.Count; i++)
                vectors[i] = await embedder.EmbedQueryAsync(texts[i], CancellationToken.None);
        }
        else
        {
            vectors = await embedder.EmbedDocumentsAsync(texts, CancellationToken.None);
        }

        var rate = texts.Count / clock.Elapsed.TotalSeconds;
        Write(file, vectors);
        return (vectors, rate);
    }

    private static string Sanitize(string modelId) => modelId.Replace('/', '_').Replace(':', '_');

    private static string Fingerprint(IReadOnlyList<string> texts, bool queries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(queries ? "q"u8 : "d"u8);
        foreach (var text in texts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData("\0"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static float[][] Read(string file)
    {
        using var reader = new BinaryReader(File.OpenRead(file));
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = new float[dimensions];
            reader.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[i].AsSpan()));
        }

        return vectors;
    }

    private static void Write(string file, float[][] vectors)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(vectors.Length);
            writer.Write(vectors.Length == 0 ? 0 : vectors[0].Length);
            foreach (var vector in vectors)
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
        }

        File.Move(temporary, file, overwrite: true);
    }
}

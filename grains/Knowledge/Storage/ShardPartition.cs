using System.Globalization;

namespace Cluster.Grains.Knowledge.Storage;

/// <summary>
/// Which shard holds a document: the last four hex digits of its id (random in UUID version 7 ids) modulo the shard
/// count. PostgreSQL computes the same partition in SQL, so each shard reads only its own chunks.
/// </summary>
public readonly record struct ShardPartition(int Index, int Count)
{
    public const string Sql = "('x' || right(c.document_id, 4))::bit(16)::int % {0} = {1}";

    public bool Holds(string documentId) => Of(documentId, Count) == Index;

    public static int Of(string documentId, int count) =>
        int.Parse(documentId.AsSpan(documentId.Length - 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % count;
}

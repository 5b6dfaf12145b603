namespace Cluster.Grains.Knowledge.Storage;

/// <summary>A chunk's id: its document's id and its position, so it stays the same while the document is unchanged.</summary>
public static class ChunkIds
{
    public static string Of(string documentId, int position) => string.Concat(documentId, ":", position.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

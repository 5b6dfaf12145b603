using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>SHA-256 of text as UTF-8, in lower-case hex: identifies chunk and document contents.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<char> text)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

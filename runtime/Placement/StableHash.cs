using System.Text;

namespace Cluster.Runtime.Placement;

/// <summary>FNV-1a over UTF-8 with a final avalanche: the same on every machine and process, unlike string.GetHashCode.</summary>
internal static class StableHash
{
    public static uint Of(string a, string b)
    {
        var h = 2166136261u;
        h = Mix(h, a);
        h = (h ^ '/') * 16777619u;
        h = Mix(h, b);
        return Avalanche(h);
    }

    private static uint Mix(uint h, string s)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(s.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(s, buffer)] : Encoding.UTF8.GetBytes(s);
        foreach (var b in bytes)
            h = (h ^ b) * 16777619u;
        return h;
    }

    private static uint Avalanche(uint h)
    {
        h ^= h >> 16;
        h *= 0x7feb352d;
        h ^= h >> 15;
        h *= 0x846ca68b;
        h ^= h >> 16;
        return h;
    }
}

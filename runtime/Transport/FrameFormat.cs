using System.Buffers.Binary;

namespace Cluster.Runtime.Transport;

/// <summary>The wire format of a frame: a 4-byte little-endian payload length, then the payload.</summary>
public static class FrameFormat
{
    public const int HeaderBytes = 4;

    public static void WriteHeader(Span<byte> destination, int payloadBytes) =>
        BinaryPrimitives.WriteInt32LittleEndian(destination, payloadBytes);

    /// <summary>The payload length announced by a header, unsigned so that a negative value reads as oversized.</summary>
    public static uint ReadLength(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt32LittleEndian(header);
}

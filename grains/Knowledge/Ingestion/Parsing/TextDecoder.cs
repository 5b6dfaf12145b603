using System.Text;
using Cluster.GrainInterfaces.Knowledge.Ingestion;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Bytes of a text format (.txt, .md, .html) as a string: a byte-order mark chooses UTF-8/16/32, otherwise UTF-8, and
/// bytes that are not UTF-8 are read as Latin-1 (older Western files) rather than replaced. NUL bytes mean a binary file.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string description)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Utf8(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return Encoding.UTF32.GetString(bytes[4..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (bytes.IndexOf((byte)0) >= 0)
            throw new UnsupportedDocumentTypeException(
                $"{description} is binary, not text; upload .txt, .md, .html, .docx or .pdf files, or send the text as JSON");
        return Utf8(bytes);
    }

    /// <summary>Whether the bytes read as text (no byte-order mark needed): used to sniff files without a known type.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes) => bytes.IndexOf((byte)0) < 0;

    private static string Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}

using System.Globalization;
using System.Text;
using ICU4N.Text;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Canonical text for indexing and hashing: Unicode NFC (so "é" typed two ways matches), every line break as \n,
/// tabs and Unicode spaces as one space, control and invisible characters removed, no space at line ends, at most one
/// blank line in a row, nothing around the whole.
/// </summary>
public static class TextNormalizer
{
    /// <summary>ICU's NFC: the runtime's own string.Normalize does nothing to non-ASCII text under invariant globalization.</summary>
    private static readonly Normalizer2 Composition = Normalizer2.NFCInstance;

    public static string Normalize(string text)
    {
        if (text.Length == 0)
            return text;
        var composed = Composition.IsNormalized(text) ? text : Composition.Normalize(text);
        var output = new StringBuilder(composed.Length);
        var pendingSpace = false;
        var newlines = 0;
        for (var i = 0; i < composed.Length; i++)
        {
            var c = composed[i];
            if (c == '\r')
            {
                if (i + 1 < composed.Length && composed[i + 1] == '\n')
                    i++;
                c = '\n';
            }

            if (c is '\n' or '\u2028' or '\u2029' or '\f' or '\v')
            {
                pendingSpace = false;
                if (output.Length > 0 && newlines < 2)
                {
                    output.Append('\n');
                    newlines++;
                }

                continue;
            }

            if (c == '\t' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                pendingSpace = output.Length > 0 && newlines == 0;
                continue;
            }

            if (IsInvisible(c))
                continue;
            if (pendingSpace)
                output.Append(' ');
            pendingSpace = false;
            newlines = 0;
            output.Append(c);
        }

        var end = output.Length;
        while (end > 0 && output[end - 1] == '\n')
            end--;
        return output.ToString(0, end);
    }

    /// <summary>Normalised text on one line, for headings and titles.</summary>
    public static string NormalizeLine(string text) => Normalize(text).Replace('\n', ' ');

    /// <summary>Control characters, and the zero-width and soft-hyphen characters that change no visible text.</summary>
    private static bool IsInvisible(char c) =>
        char.IsControl(c) || c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD';
}

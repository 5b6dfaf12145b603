namespace Cluster.Grains.Knowledge.Search;

/// <summary>Spots Chinese, Japanese and Korean script, which whitespace tokenisation cannot split into words.</summary>
public static class CjkText
{
    /// <summary>Whether <paramref name="text"/> holds at least one CJK ideograph, kana or hangul character.</summary>
    public static bool Contains(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= '\u1100' && IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCjk(char c) =>
        c is (>= '\u1100' and <= '\u11FF')       // hangul jamo
            or (>= '\u3040' and <= '\u30FF')     // hiragana, katakana
            or (>= '\u3130' and <= '\u318F')     // hangul compatibility jamo
            or (>= '\u3400' and <= '\u4DBF')     // ideographs, extension A
            or (>= '\u4E00' and <= '\u9FFF')     // unified ideographs
            or (>= '\uAC00' and <= '\uD7AF')     // hangul syllables
            or (>= '\uF900' and <= '\uFAFF')     // compatibility ideographs
            or (>= '\uFF66' and <= '\uFF9F');    // half-width katakana
}

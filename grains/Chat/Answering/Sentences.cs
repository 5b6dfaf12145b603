namespace Cluster.Grains.Chat.Answering;

/// <summary>Splits passage text into sentences: after . ! ? followed by white space, and at blank lines.</summary>
public static class Sentences
{
    public static List<string> Of(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ends = (c is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
                || (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n');
            if (!ends)
                continue;
            Add(sentences, text.AsSpan(start, i + 1 - start));
            start = i + 1;
        }

        Add(sentences, text.AsSpan(start));
        return sentences;
    }

    private static void Add(List<string> sentences, ReadOnlySpan<char> sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
            sentences.Add(string.Join(' ', trimmed.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }
}

namespace Cluster.Grains.Chat.Answering;

/// <summary>The content words of a text, lower-cased, without the commonest English function words.</summary>
public static class QueryTerms
{
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "by", "can", "do", "does", "did", "for", "from", "has", "have",
        "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "not", "of", "on", "or", "our", "so", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "to", "was", "we", "were", "what", "when", "where",
        "which", "who", "whom", "why", "will", "with", "would", "you", "your", "about", "any", "all", "also", "but", "should",
    };

    /// <summary>Adds the content words of <paramref name="text"/> to <paramref name="into"/>.</summary>
    public static void Collect(ReadOnlySpan<char> text, HashSet<string> into)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
                start = i;
            else if (!letter && start >= 0)
            {
                var word = text[start..i].ToString().ToLowerInvariant();
                if (word.Length > 1 && !Stopwords.Contains(word))
                    into.Add(word);
                start = -1;
            }
        }
    }
}

namespace Cluster.Grains.Chat.Answering;

/// <summary>Whitespace-separated words: the token count of answers whose writer reports none.</summary>
public static class WordCount
{
    public static long Of(string text)
    {
        long words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
                words++;
            inWord = !space;
        }

        return words;
    }

    public static long Of(AnswerPrompt prompt)
    {
        var words = Of(prompt.Question);
        foreach (var round in prompt.History)
            words += Of(round.Question) + Of(round.Answer);
        foreach (var passage in prompt.Passages)
            words += Of(passage.Text);
        return words;
    }
}

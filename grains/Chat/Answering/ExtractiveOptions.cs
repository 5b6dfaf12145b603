namespace Cluster.Grains.Chat.Answering;

/// <summary>How long extractive answers get: section "Chat:Extractive".</summary>
public sealed class ExtractiveOptions
{
    /// <summary>Sentences quoted at most (default 4).</summary>
    public int MaxSentences { get; set; } = 4;

    /// <summary>Characters quoted at most, beyond the first sentence (default 800).</summary>
    public int MaxAnswerCharacters { get; set; } = 800;

    internal void Validate()
    {
        if (MaxSentences < 1)
            throw new ChatConfigurationException($"Chat:Extractive:MaxSentences must be at least 1; it was {MaxSentences}.");
        if (MaxAnswerCharacters < 1)
            throw new ChatConfigurationException($"Chat:Extractive:MaxAnswerCharacters must be at least 1; it was {MaxAnswerCharacters}.");
    }
}

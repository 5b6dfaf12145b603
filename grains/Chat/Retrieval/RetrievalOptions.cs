namespace Cluster.Grains.Chat.Retrieval;

/// <summary>How passages are gathered: section "Chat:Retrieval".</summary>
public sealed class RetrievalOptions
{
    /// <summary>Chunks on each side of a hit merged into its passage (default 1; 0 sends hits alone).</summary>
    public int NeighbourRadius { get; set; } = 1;

    /// <summary>Hits searched per passage wanted, so merging overlapping hits still fills top-k (default 2).</summary>
    public int CandidatesPerPassage { get; set; } = 2;

    /// <summary>A passage's text is cut at this many characters (default 4,000).</summary>
    public int MaxPassageCharacters { get; set; } = 4_000;

    internal void Validate()
    {
        if (NeighbourRadius is < 0 or > 5)
            throw new ChatConfigurationException($"Chat:Retrieval:NeighbourRadius must be between 0 and 5; it was {NeighbourRadius}.");
        if (CandidatesPerPassage is < 1 or > 5)
            throw new ChatConfigurationException($"Chat:Retrieval:CandidatesPerPassage must be between 1 and 5; it was {CandidatesPerPassage}.");
        if (MaxPassageCharacters < 100)
            throw new ChatConfigurationException($"Chat:Retrieval:MaxPassageCharacters must be at least 100; it was {MaxPassageCharacters}.");
    }
}

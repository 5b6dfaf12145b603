namespace Cluster.Grains.Knowledge.Search;

/// <summary>What a knowledge base's index is built with; fixed for the index's life.</summary>
/// <param name="Dimensions">The embedder's vector length.</param>
/// <param name="Language">How text is split into keyword terms.</param>
/// <param name="TitleBoost">The weight of a query term found in the document title, relative to the chunk text (0 ignores titles).</param>
public sealed record SearchIndexOptions(int Dimensions, KeywordLanguage Language = KeywordLanguage.Auto, float TitleBoost = SearchIndexOptions.DefaultTitleBoost)
{
    /// <summary>The title weight measured best on SciFact (see docs/PERFORMANCE.md).</summary>
    public const float DefaultTitleBoost = 0.5f;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the option that is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimensions, 1, nameof(Dimensions));
        ArgumentOutOfRangeException.ThrowIfNegative(TitleBoost, nameof(TitleBoost));
        if (!Enum.IsDefined(Language))
        {
            throw new ArgumentOutOfRangeException(nameof(Language), Language, "must be Auto, English or Cjk.");
        }
    }
}

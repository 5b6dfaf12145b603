namespace Cluster.Grains.Knowledge.Search;

/// <summary>A knowledge base's ranking settings; they may change between searches.</summary>
/// <param name="KeywordWeight">The weight of the keyword ranking in reciprocal-rank fusion.</param>
/// <param name="VectorWeight">The weight of the vector ranking in reciprocal-rank fusion.</param>
/// <param name="RrfK">The rank offset of reciprocal-rank fusion (60 in the original paper).</param>
/// <param name="MmrLambda">Relevance versus novelty in MMR de-duplication: 1 keeps the fused order, lower drops near-duplicates harder.</param>
/// <param name="CandidatesPerMode">How many candidates each mode contributes to fusion, at least (more when top-k asks for more).</param>
public sealed record HybridSearchSettings(
    double KeywordWeight = HybridSearchSettings.DefaultKeywordWeight,
    double VectorWeight = HybridSearchSettings.DefaultVectorWeight,
    int RrfK = 60,
    double MmrLambda = HybridSearchSettings.DefaultMmrLambda,
    int CandidatesPerMode = 50)
{
    /// <summary>Measured on SciFact (docs/PERFORMANCE.md): equal weights rank best with the default model.</summary>
    public const double DefaultKeywordWeight = 1.0;

    /// <summary>Measured on SciFact (docs/PERFORMANCE.md).</summary>
    public const double DefaultVectorWeight = 1.0;

    /// <summary>
    /// Measured on SciFact (docs/PERFORMANCE.md): costs about 0.001 nDCG@10 there, where no two abstracts repeat each
    /// other, and pushes down the near-identical chunks that overlapping chunking produces.
    /// </summary>
    public const double DefaultMmrLambda = 0.95;

    /// <summary>The defaults.</summary>
    public static HybridSearchSettings Default { get; } = new();

    /// <summary>How many candidates each mode contributes for a search returning <paramref name="topK"/>.</summary>
    public int CandidatesFor(int topK) => Math.Max(CandidatesPerMode, 3 * topK);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(KeywordWeight, nameof(KeywordWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(VectorWeight, nameof(VectorWeight));
        if (KeywordWeight + VectorWeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(VectorWeight), "KeywordWeight and VectorWeight must not both be 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RrfK, 1, nameof(RrfK));
        if (MmrLambda is < 0 or > 1 || double.IsNaN(MmrLambda))
        {
            throw new ArgumentOutOfRangeException(nameof(MmrLambda), MmrLambda, "must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CandidatesPerMode, 1, nameof(CandidatesPerMode));
    }
}

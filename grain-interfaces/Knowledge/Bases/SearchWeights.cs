using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>The weights of the keyword and the vector ranking in a knowledge base's hybrid search.</summary>
[GenerateSerializer]
[Alias("Knowledge.SearchWeights")]
[Immutable]
public sealed record SearchWeights(double Keyword, double Vector)
{
    public static SearchWeights Default { get; } = new(1, 1);

    /// <exception cref="KnowledgeValidationException">naming <c>{field}.keyword</c> or <c>{field}.vector</c>.</exception>
    public SearchWeights Validate(string field)
    {
        if (!double.IsFinite(Keyword) || Keyword < 0 || Keyword > 10)
            throw new KnowledgeValidationException($"{field}.keyword", "must be a number from 0 to 10.");
        if (!double.IsFinite(Vector) || Vector < 0 || Vector > 10)
            throw new KnowledgeValidationException($"{field}.vector", "must be a number from 0 to 10.");
        if (Keyword + Vector == 0)
            throw new KnowledgeValidationException(field, "at least one weight must be above 0.");
        return this;
    }
}

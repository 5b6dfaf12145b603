namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>The bounds of a search request, checked at the gateway and again by the knowledge base.</summary>
public static class KnowledgeSearchLimits
{
    public const int MaxTopK = 100;
    public const int MaxQueryLength = 2000;
    public const int MaxFilterDocuments = 1000;

    /// <exception cref="KnowledgeValidationException">naming the offending field.</exception>
    public static KnowledgeSearchRequest Validate(KnowledgeSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Query) || request.Query.Length > MaxQueryLength)
            throw new KnowledgeValidationException("query", $"is required: 1 to {MaxQueryLength} characters, not only spaces.");
        KnowledgeText.Storable(request.Query, "query");
        if (request.TopK is < 1 or > MaxTopK)
            throw new KnowledgeValidationException("topK", $"must be from 1 to {MaxTopK}, not {request.TopK}.");
        if (!Enum.IsDefined(request.Mode))
            throw new KnowledgeValidationException("mode", "must be \"hybrid\", \"keyword\" or \"vector\".");
        if (request.Threshold is { } threshold && !double.IsFinite(threshold))
            throw new KnowledgeValidationException("threshold", "must be a finite number.");
        if (request.Filter?.DocumentIds is { Count: > MaxFilterDocuments })
            throw new KnowledgeValidationException("filter.documentIds", $"may name at most {MaxFilterDocuments} documents.");
        return request;
    }
}

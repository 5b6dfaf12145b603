using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Gateway.Endpoints.Knowledge;

/// <summary>The body of <c>POST /api/v1/knowledge-bases/{kbId}/search</c>.</summary>
/// <param name="Mode">"hybrid" (default), "keyword" or "vector".</param>
public sealed record SearchBody(string? Query, int? TopK = null, string? Mode = null, double? Threshold = null, SearchFilter? Filter = null)
{
    public const int DefaultTopK = 10;

    /// <exception cref="KnowledgeValidationException">naming the offending field.</exception>
    public KnowledgeSearchRequest ToRequest()
    {
        var mode = Mode switch
        {
            null or "hybrid" => SearchMode.Hybrid,
            "keyword" => SearchMode.Keyword,
            "vector" => SearchMode.Vector,
            _ => throw new KnowledgeValidationException("mode", $"must be \"hybrid\", \"keyword\" or \"vector\", not \"{Mode}\"."),
        };
        return KnowledgeSearchLimits.Validate(new KnowledgeSearchRequest(Query ?? string.Empty, TopK ?? DefaultTopK, mode, Threshold, Filter));
    }
}

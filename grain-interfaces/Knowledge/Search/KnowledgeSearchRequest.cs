using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>A search of one knowledge base.</summary>
/// <param name="Query">The text searched for.</param>
/// <param name="TopK">How many chunks to return (1–100).</param>
/// <param name="Mode">Keyword, vector or both fused.</param>
/// <param name="Threshold">Drops results scoring below it (the score of the chosen mode).</param>
/// <param name="Filter">Limits the documents searched.</param>
[GenerateSerializer]
[Alias("Knowledge.KnowledgeSearchRequest")]
[Immutable]
public sealed record KnowledgeSearchRequest(
    string Query,
    int TopK = 10,
    SearchMode Mode = SearchMode.Hybrid,
    double? Threshold = null,
    SearchFilter? Filter = null);

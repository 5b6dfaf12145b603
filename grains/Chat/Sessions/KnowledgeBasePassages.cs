using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Chat.Retrieval;

namespace Cluster.Grains.Chat.Sessions;

/// <summary>The knowledge-base grain as a passage source.</summary>
public sealed class KnowledgeBasePassages(IKnowledgeBaseGrain knowledgeBase, string knowledgeBaseId) : IPassageSource
{
    public string KnowledgeBaseId => knowledgeBaseId;

    public Task<long> GetVersionAsync() => knowledgeBase.GetVersionAsync();

    public Task<KnowledgeSearchResponse> SearchAsync(KnowledgeSearchRequest request, CancellationToken cancellation) =>
        knowledgeBase.SearchAsync(request, cancellation);

    public Task<IReadOnlyList<KnowledgeSearchHit>> GetNeighboursAsync(string documentId, int position, int radius) =>
        knowledgeBase.GetNeighboursAsync(documentId, position, radius);
}

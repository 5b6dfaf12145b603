using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Grains.Chat.Retrieval;

/// <summary>The knowledge base a session answers from, as the retriever needs it (the grain behind it in a silo).</summary>
public interface IPassageSource
{
    string KnowledgeBaseId { get; }

    Task<long> GetVersionAsync();

    Task<KnowledgeSearchResponse> SearchAsync(KnowledgeSearchRequest request, CancellationToken cancellation);

    Task<IReadOnlyList<KnowledgeSearchHit>> GetNeighboursAsync(string documentId, int position, int radius);
}

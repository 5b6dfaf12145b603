using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>The knowledge bases of one tenant (keyed by the tenant's id).</summary>
[Alias("Knowledge.IKnowledgeCatalogGrain")]
public interface IKnowledgeCatalogGrain : IGrainWithStringKey
{
    /// <summary>The tenant's knowledge bases, oldest first.</summary>
    [Alias("ListAsync")]
    Task<IReadOnlyList<KnowledgeBaseView>> ListAsync();
}

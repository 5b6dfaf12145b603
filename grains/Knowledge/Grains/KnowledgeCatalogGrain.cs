using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Storage;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Knowledge.Grains;

/// <summary>A tenant's knowledge bases, read from storage: any silo can answer, so the worker is stateless.</summary>
[StatelessWorker]
[GrainType("knowledge-catalog")]
public sealed class KnowledgeCatalogGrain(IKnowledgeStore store) : Grain, IKnowledgeCatalogGrain
{
    public async Task<IReadOnlyList<KnowledgeBaseView>> ListAsync()
    {
        var bases = await store.ListKnowledgeBasesAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        var views = new KnowledgeBaseView[bases.Count];
        for (var i = 0; i < views.Length; i++)
            views[i] = bases[i].ToView();
        return views;
    }
}

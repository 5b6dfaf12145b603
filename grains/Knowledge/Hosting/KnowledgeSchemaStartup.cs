using Cluster.Grains.Knowledge.Storage;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Grains.Knowledge.Hosting;

/// <summary>
/// Creates the knowledge tables early in the silo's start-up (before it joins the cluster and before the recovery
/// scan), so a silo that cannot reach its database never becomes active.
/// </summary>
internal sealed class KnowledgeSchemaStartup(PostgresKnowledgeStore store) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(KnowledgeSchemaStartup), ServiceLifecycleStage.RuntimeInitialize, store.CreateSchemaAsync);
}

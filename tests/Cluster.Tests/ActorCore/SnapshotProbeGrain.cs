using Cluster.GrainInterfaces.ActorCore;
using Orleans;

namespace Cluster.Tests.ActorCore;

/// <summary>Reads an actor's snapshot from inside the silo, where an immutable result is passed without a copy.</summary>
[Alias("Tests.ISnapshotProbeGrain")]
public interface ISnapshotProbeGrain : IGrainWithStringKey
{
    /// <summary>Whether two reads of the actor's snapshot return the very same object.</summary>
    [Alias("ReadsShareOneSnapshotAsync")]
    Task<bool> ReadsShareOneSnapshotAsync(string actorId);
}

[GrainType("tests.snapshot-probe")]
public sealed class SnapshotProbeGrain : Grain, ISnapshotProbeGrain
{
    public async Task<bool> ReadsShareOneSnapshotAsync(string actorId)
    {
        var actor = GrainFactory.GetGrain<IActorGrain>(actorId);
        return ReferenceEquals(await actor.GetSnapshotAsync(), await actor.GetSnapshotAsync());
    }
}

using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// What an actor grain stores: the actor and its subsystems' outputs by system name. Treated as immutable once
/// stored (a change builds a new state), so a failed write can put the previous one back.
/// </summary>
public sealed class ActorState
{
    /// <summary>Null while the actor does not exist.</summary>
    public ActorRecord? Actor { get; set; }

    public Dictionary<string, SubsystemOutput> Subsystems { get; set; } = new(StringComparer.Ordinal);
}

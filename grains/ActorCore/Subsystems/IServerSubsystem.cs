using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// A subsystem computed on the server from the actor's own record, registered in DI (see
/// <see cref="ActorCoreServiceCollectionExtensions.AddServerSubsystem{T}"/>). Every actor's snapshot includes its output next to
/// the outputs clients stored; clients cannot store an output under its name. Implementations must be thread-safe and
/// deterministic in the record, because a snapshot is recomputed only when the record's version changes.
/// </summary>
public interface IServerSubsystem
{
    /// <summary>The subsystem name (a <see cref="KeyName"/>), also its output's meta.system.</summary>
    string System { get; }

    SubsystemOutput Contribute(ActorRecord actor);
}

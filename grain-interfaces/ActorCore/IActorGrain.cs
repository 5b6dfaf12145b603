using Orleans;
using Orleans.Concurrency;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>
/// One game actor, keyed by its id: its profile, the outputs its subsystems published, and its resolved
/// <see cref="ActorSnapshot"/>. Every change bumps the actor's version and is stored before it is acknowledged.
/// Operations on an actor that does not exist throw <see cref="KeyNotFoundException"/>, except <see cref="PutAsync"/>, which creates it.
/// </summary>
[Alias("ActorCore.IActorGrain")]
public interface IActorGrain : IGrainWithStringKey
{
    /// <summary>Creates the actor or replaces its profile, keeping its subsystem outputs.</summary>
    [Alias("PutAsync")]
    Task<ActorRecord> PutAsync(ActorProfile profile);

    [ReadOnly]
    [Alias("GetAsync")]
    Task<ActorRecord> GetAsync();

    /// <summary>Removes the actor and every subsystem output it has.</summary>
    [Alias("DeleteAsync")]
    Task DeleteAsync();

    /// <summary>Stores (or replaces) the output of <paramref name="system"/>, whose meta.system must name it; returns the new version.</summary>
    [Alias("PutSubsystemAsync")]
    Task<long> PutSubsystemAsync(string system, SubsystemOutput output);

    /// <summary>Removes the output of <paramref name="system"/>; returns the new version.</summary>
    [Alias("DeleteSubsystemAsync")]
    Task<long> DeleteSubsystemAsync(string system);

    /// <summary>The snapshot for the current actor version and registry version.</summary>
    [ReadOnly]
    [Alias("GetSnapshotAsync")]
    Task<ActorSnapshot> GetSnapshotAsync();

    /// <summary>The same snapshot, already encoded as the gateway's JSON.</summary>
    [ReadOnly]
    [Alias("GetSnapshotJsonAsync")]
    Task<ActorSnapshotJson> GetSnapshotJsonAsync();

    /// <summary>Applies the modifier packs every subsystem publishes for <paramref name="context"/> to <paramref name="baseValue"/>.</summary>
    [ReadOnly]
    [Alias("ApplyContextAsync")]
    Task<double> ApplyContextAsync(string context, double baseValue);

    /// <summary>The outputs the actor resolves from (stored and server subsystems), for previewing a candidate registry.</summary>
    [ReadOnly]
    [Alias("GetOutputsAsync")]
    Task<IReadOnlyList<SubsystemOutput>> GetOutputsAsync();
}

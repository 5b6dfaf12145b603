using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cluster.Silo.Storage;

/// <summary>
/// Keys the ADO.NET provider's rows by the whole grain id. On its own the provider keys a row by state name and
/// grain key only, so two grain types with the same key and state name share one row, and it reads string keys
/// that look like hexadecimal numbers or Guids as numbers ("042" and "42" share a row). Handing it the grain id
/// "type/key" as a string key makes every grain's state its own row, readable as-is in the table.
/// </summary>
internal sealed class GrainIdKeyedStorage(AdoNetGrainStorage provider) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        provider.ReadStateAsync(stateName, RowKey(grainId), grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        provider.ReadStateAsync(stateName, RowKey(grainId), grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        provider.WriteStateAsync(stateName, RowKey(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        provider.WriteStateAsync(stateName, RowKey(grainId), grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        provider.ClearStateAsync(stateName, RowKey(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        provider.ClearStateAsync(stateName, RowKey(grainId), grainState, cancellationToken);

    public void Participate(ISiloLifecycle lifecycle) => provider.Participate(lifecycle);

    // The '/' between type and key is never part of a number or Guid, so the provider keeps the text as it is.
    private static GrainId RowKey(GrainId grainId) => GrainId.Create(grainId.Type, grainId.ToString());
}

namespace Cluster.Runtime.Storage;

/// <summary>A stored state record: its JSON payload and the ETag that versions it.</summary>
public sealed record StoredState(byte[] Payload, string Etag);

/// <summary>
/// A grain state store. Records are keyed by (grain type, grain key, state name). Every write and clear names
/// the ETag it expects (null: no record) and throws <see cref="InconsistentStateException"/>, changing nothing,
/// when storage holds another.
/// </summary>
public interface IGrainStorage
{
    Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>Stores the payload and returns the new ETag.</summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, byte[] payload, string? expectedEtag, CancellationToken cancellationToken);

    Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken);
}

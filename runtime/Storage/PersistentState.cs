using System.Security.Cryptography;
using Cluster.Runtime.Serialization;

namespace Cluster.Runtime.Storage;

/// <summary>The <see cref="IPersistentState{TState}"/> the runtime injects: JSON payloads in an <see cref="IGrainStorage"/>.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage, ClusterJson json)
    : IPersistentState<TState>, IPersistentStateLifecycle
{
    // A digest of the state as last read or written, so deactivation can tell whether the grain left changes unsaved.
    // A digest rather than the payload keeps an activation's memory to its live state.
    private readonly byte[] _saved = new byte[SHA256.HashSizeInBytes];

    public string Name => stateName;

    public TState State { get; set; } = New();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public Task ReadOnActivationAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(grainId, stateName, cancellationToken);
        if (stored is null)
        {
            State = New();
            Etag = null;
            RecordExists = false;
        }
        else
        {
            State = json.Deserialize<TState>(stored.Payload)
                ?? throw new GrainStorageException($"State '{stateName}' of {grainId} is stored as null.");
            Etag = stored.Etag;
            RecordExists = true;
        }
        // Digest what this process would write, not the stored bytes: a store may normalise JSON (jsonb does).
        SHA256.HashData(json.SerializeToUtf8Bytes(State), _saved);
    }

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        WriteAsync(json.SerializeToUtf8Bytes(State), cancellationToken);

    public async Task<bool> WriteIfChangedAsync(CancellationToken cancellationToken)
    {
        var payload = json.SerializeToUtf8Bytes(State);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(payload, digest);
        if (digest.SequenceEqual(_saved))
            return false;
        await WriteAsync(payload, cancellationToken);
        return true;
    }

    private async Task WriteAsync(byte[] payload, CancellationToken cancellationToken)
    {
        Etag = await storage.WriteAsync(grainId, stateName, payload, Etag, cancellationToken);
        RecordExists = true;
        SHA256.HashData(payload, _saved);
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearAsync(grainId, stateName, Etag, cancellationToken);
        State = New();
        Etag = null;
        RecordExists = false;
        SHA256.HashData(json.SerializeToUtf8Bytes(State), _saved);
    }

    private static TState New()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException e)
        {
            throw new GrainStorageException($"State type {typeof(TState).Name} needs a public parameterless constructor.", e);
        }
    }
}

using Cluster.Runtime.Serialization;

namespace Cluster.Runtime.Storage;

/// <summary>The <see cref="IPersistentState{TState}"/> the runtime injects: JSON payloads in an <see cref="IGrainStorage"/>.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage, ClusterJson json)
    : IPersistentState<TState>, IPersistentStateLifecycle
{
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
            return;
        }
        State = json.Deserialize<TState>(stored.Payload)
            ?? throw new GrainStorageException($"State '{stateName}' of {grainId} is stored as null.");
        Etag = stored.Etag;
        RecordExists = true;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = json.SerializeToUtf8Bytes(State);
        Etag = await storage.WriteAsync(grainId, stateName, payload, Etag, cancellationToken);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearAsync(grainId, stateName, Etag, cancellationToken);
        State = New();
        Etag = null;
        RecordExists = false;
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

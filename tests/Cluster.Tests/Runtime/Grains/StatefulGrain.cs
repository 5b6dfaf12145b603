using Cluster.Runtime;

namespace Cluster.Tests.Runtime.Grains;

public sealed class Note
{
    public string Text { get; set; } = "";

    public int Revision { get; set; }
}

public interface IStatefulGrain : IGrainWithStringKey
{
    Task<int> SetAsync(string text);

    Task<Note> GetAsync();

    Task<Guid> ActivationIdAsync();

    /// <summary>Changes the state in memory only; the grain itself never writes it.</summary>
    Task SetUnsavedAsync(string text);

    Task ClearAsync();

    Task<string?> EtagAsync();
}

[CollectionAgeLimit(Seconds = 1)]
public sealed class StatefulGrain([PersistentState("note", "notes")] IPersistentState<Note> note) : Grain, IStatefulGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    public async Task<int> SetAsync(string text)
    {
        note.State.Text = text;
        note.State.Revision++;
        await note.WriteStateAsync();
        return note.State.Revision;
    }

    public Task<Note> GetAsync() => Task.FromResult(note.State);

    public Task<Guid> ActivationIdAsync() => Task.FromResult(_activation);

    public Task SetUnsavedAsync(string text)
    {
        note.State.Text = text;
        return Task.CompletedTask;
    }

    public Task ClearAsync() => note.ClearStateAsync();

    public Task<string?> EtagAsync() => Task.FromResult(note.Etag);
}

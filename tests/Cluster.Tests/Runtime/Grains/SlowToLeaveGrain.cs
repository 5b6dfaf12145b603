using Cluster.Runtime;

namespace Cluster.Tests.Runtime.Grains;

/// <summary>Keeps its note in memory and takes half a second to deactivate, so a hand-over stays open long enough to be raced.</summary>
public interface ISlowToLeaveGrain : IGrainWithStringKey
{
    Task SetUnsavedAsync(string text);

    Task<string> GetAsync();

    Task<string> SiloAsync();
}

public sealed class SlowToLeaveGrain([PersistentState("note", "notes")] IPersistentState<Note> note, Cluster.Runtime.Hosting.SiloOptions silo) : Grain, ISlowToLeaveGrain
{
    public Task SetUnsavedAsync(string text)
    {
        note.State.Text = text;
        return Task.CompletedTask;
    }

    public Task<string> GetAsync() => Task.FromResult(note.State.Text);

    public Task<string> SiloAsync() => Task.FromResult(silo.SiloId);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Task.Delay(500, cancellationToken);
}

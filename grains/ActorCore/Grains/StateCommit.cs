using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cluster.Grains.ActorCore;

/// <summary>Replaces a grain's state only once storage has it, so a failed write leaves the activation as it was.</summary>
internal static class StateCommit
{
    /// <summary>
    /// Stores <paramref name="next"/> as the state. On failure the previous state is put back; on a stale ETag
    /// (another activation wrote meanwhile) <paramref name="onStale"/> runs too, to deactivate this outdated copy.
    /// </summary>
    public static async Task ReplaceAsync<T>(this IPersistentState<T> state, T next, Action onStale)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            state.State = previous;
            if (e is InconsistentStateException)
            {
                onStale();
            }

            throw;
        }
    }
}

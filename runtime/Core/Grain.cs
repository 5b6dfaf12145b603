using Cluster.Runtime.Catalog;
using Cluster.Runtime.Timers;

namespace Cluster.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime creates an instance per activation, calls
/// <see cref="OnActivateAsync"/> before the first request and <see cref="OnDeactivateAsync"/> before dropping it.
/// Requests run one at a time (see <see cref="ReentrantAttribute"/> and friends for the exceptions).
/// </summary>
public abstract class Grain
{
    private readonly ActivationData _activation;

    protected Grain()
    {
        _activation = ActivationData.UnderConstruction
            ?? throw new InvalidOperationException($"{GetType().Name} is a grain: obtain it with IGrainFactory.GetGrain, do not construct it directly.");
    }

    internal ActivationData Activation => _activation;

    public GrainId GrainId => _activation.GrainId;

    /// <summary>The factory for references to other grains (and to this one).</summary>
    protected IGrainFactory GrainFactory => _activation.Runtime.GrainFactory;

    public string GetPrimaryKeyString() => _activation.GrainId.Key;

    public Guid GetPrimaryKey() => GrainKey.ToGuid(_activation.GrainId.Key);

    public long GetPrimaryKeyLong() => GrainKey.ToLong(_activation.GrainId.Key);

    /// <summary>A reference to this grain, to hand to other grains.</summary>
    public TGrainInterface AsReference<TGrainInterface>() where TGrainInterface : IGrain =>
        _activation.Runtime.GrainFactory.GetReference<TGrainInterface>(_activation.GrainId);

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current request completes.</summary>
    protected void DeactivateOnIdle() =>
        _activation.StartDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called"));

    /// <summary>
    /// Registers a timer whose callback runs as a turn of this activation: never concurrently with a request
    /// unless <see cref="GrainTimerCreationOptions.Interleave"/> is set. The next period starts when the callback ends.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return _activation.RegisterTimer(ct => callback(state, ct), options);
    }

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return _activation.RegisterTimer(callback, new GrainTimerCreationOptions { DueTime = dueTime, Period = period });
    }
}

namespace Cluster.Runtime.Catalog;

/// <summary>
/// Installed while an activation runs, so every await in grain code resumes as work of that activation: the
/// activation runs one piece of work at a time, which is what makes grain code single-threaded.
/// </summary>
internal sealed class ActivationSynchronizationContext(ActivationData activation) : SynchronizationContext
{
    public ActivationData Activation { get; } = activation;

    public override void Post(SendOrPostCallback d, object? state) => Activation.Post(d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Grain code cannot block on its own activation; await instead.");

    public override SynchronizationContext CreateCopy() => this;
}

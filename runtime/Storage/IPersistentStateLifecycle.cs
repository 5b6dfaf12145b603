namespace Cluster.Runtime.Storage;

/// <summary>What the activation needs of its persistent states, whatever their type.</summary>
internal interface IPersistentStateLifecycle
{
    Task ReadOnActivationAsync(CancellationToken cancellationToken);
}

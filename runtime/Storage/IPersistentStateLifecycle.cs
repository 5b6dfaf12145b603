namespace Cluster.Runtime.Storage;

/// <summary>What the activation needs of its persistent states, whatever their type.</summary>
internal interface IPersistentStateLifecycle
{
    string Name { get; }

    Task ReadOnActivationAsync(CancellationToken cancellationToken);

    /// <summary>Writes the state if the grain changed it since it was last read or written; true when it wrote.</summary>
    Task<bool> WriteIfChangedAsync(CancellationToken cancellationToken);
}

namespace Cluster.Runtime;

/// <summary>
/// A grain's persistent state, injected with [PersistentState]. It is read before OnActivateAsync; writes carry
/// the ETag last seen, so a write from an outdated activation fails with <see cref="InconsistentStateException"/>
/// and changes nothing.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    /// <summary>The version token of the stored record; null when nothing is stored.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}

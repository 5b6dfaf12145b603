namespace Cluster.Runtime.Catalog;

internal enum ActivationState
{
    /// <summary>Created; the grain instance is built, its state read and OnActivateAsync run before any request.</summary>
    Activating,
    Valid,
    /// <summary>Running OnDeactivateAsync once in-flight requests end; new requests wait and then go to a new activation.</summary>
    Deactivating,
    Invalid,
}

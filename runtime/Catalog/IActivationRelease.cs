namespace Cluster.Runtime.Catalog;

/// <summary>
/// Asked of a grain's previous home by its new home after a membership change, before the new home activates the
/// grain: the previous home lets its activation go (writing what it had not written) and answers once it is gone.
/// </summary>
internal interface IActivationRelease : IGrainWithStringKey
{
    Task ReleaseAsync(string grainType, string key);
}

namespace Cluster.Runtime.Storage;

/// <summary>The silo's named grain stores; a name without its own store uses the default one.</summary>
public sealed class GrainStorageRegistry
{
    private readonly Dictionary<string, IGrainStorage> _named = new(StringComparer.Ordinal);

    public IGrainStorage? Default { get; set; }

    public void Add(string name, IGrainStorage storage) => _named[name] = storage;

    public IGrainStorage Get(string name) =>
        _named.TryGetValue(name, out var s) ? s
        : Default ?? throw new GrainStorageException($"No grain storage named '{name}' is configured and there is no default storage.");

    public IEnumerable<IGrainStorage> All => Default is null ? _named.Values : _named.Values.Append(Default).Distinct();
}

namespace Cluster.Tests.ActorCore;

/// <summary>
/// Locates shared/actor-core (golden vectors, schemas, example registries), which is checked out beside the
/// repository, by walking up from the test binaries.
/// </summary>
internal static class SharedActorCoreData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string GoldenDirectory => Path.Combine(Directory, "golden");

    public static string CombinerRegistryFile => Path.Combine(Directory, "registry.example.yml");

    public static string CapLayerRegistryFile => Path.Combine(Directory, "cap_layer_registry.example.yml");

    public static IEnumerable<string> GoldenCases =>
        System.IO.Directory.GetDirectories(GoldenDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "actor-core");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No 'shared/actor-core' folder in {AppContext.BaseDirectory} or any parent; check out shared/ beside the repository.");
    }
}

using System.Collections.Concurrent;
using System.Reflection;
using Cluster.Runtime.Messaging;

namespace Cluster.Runtime.Catalog;

/// <summary>
/// Every grain interface's proxy factory and every grain class, registered by generated module initializers when
/// an assembly with grains loads. <see cref="Load"/> forces that for assemblies not touched yet.
/// </summary>
public static class GrainRegistry
{
    private static readonly ConcurrentDictionary<Type, Func<IGrainCallSink, GrainId, GrainReference>> Proxies = new();
    private static readonly ConcurrentDictionary<Type, GrainClassInfo> Classes = new();
    private static readonly ConcurrentDictionary<string, GrainClassInfo> ClassesByType = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, GrainClassInfo> ClassByInterface = new();

    public static void AddInterface(Type grainInterface, Func<IGrainCallSink, GrainId, GrainReference> proxyFactory) =>
        Proxies[grainInterface] = proxyFactory;

    public static void AddGrainClass(Type grainClass)
    {
        var info = new GrainClassInfo(grainClass);
        if (!ClassesByType.TryAdd(info.GrainType, info) && ClassesByType[info.GrainType].ClassType != grainClass)
            throw new InvalidOperationException($"Grain type name '{info.GrainType}' is used by both {ClassesByType[info.GrainType].ClassType} and {grainClass}; give one a [GrainType] name.");
        Classes[grainClass] = info;
        ClassByInterface.Clear();
    }

    /// <summary>Runs the generated registrations of the given assemblies.</summary>
    public static void Load(params Assembly[] assemblies)
    {
        foreach (var a in assemblies)
            System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(a.ManifestModule.ModuleHandle);
    }

    public static IEnumerable<GrainClassInfo> GrainClasses => Classes.Values;

    internal static GrainClassInfo ForGrainType(string grainType) =>
        ClassesByType.TryGetValue(grainType, out var info)
            ? info
            : throw new GrainActivationException($"No grain class is registered for grain type '{grainType}'. Is its assembly loaded by the silo?");

    /// <summary>
    /// The class that implements the interface. When several do, the one that implements no grain interface derived
    /// from it wins (a class for a derived interface serves that interface instead).
    /// </summary>
    internal static GrainClassInfo ForInterface(Type grainInterface) => ClassByInterface.GetOrAdd(grainInterface, static itf =>
    {
        var candidates = new List<GrainClassInfo>();
        foreach (var info in Classes.Values)
            if (itf.IsAssignableFrom(info.ClassType))
                candidates.Add(info);
        if (candidates.Count > 1)
            candidates.RemoveAll(c => c.ClassType.GetInterfaces().Any(j => j != itf && itf.IsAssignableFrom(j)));
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new GrainActivationException($"No grain class implements {itf.FullName}. Is the assembly with its grain class loaded (GrainRegistry.Load)?"),
            _ => throw new GrainActivationException($"{itf.Name} is implemented by {string.Join(" and ", candidates.Select(c => c.ClassType.Name))}; a grain interface needs exactly one grain class."),
        };
    });

    internal static Func<IGrainCallSink, GrainId, GrainReference> ProxyFactory(Type grainInterface) =>
        Proxies.TryGetValue(grainInterface, out var f)
            ? f
            : throw new GrainActivationException($"{grainInterface.FullName} has no generated proxy: grain interfaces must derive from IGrainWithStringKey, IGrainWithGuidKey or IGrainWithIntegerKey and be compiled with the Cluster code generator.");
}

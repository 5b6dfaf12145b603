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

    private static readonly ConcurrentDictionary<string, Func<Request>> Methods = new(StringComparer.Ordinal);

    public static void AddMethod(GrainMethod method, Func<Request> factory) => Methods[method.Key] = factory;

    /// <summary>A new, empty request for the method with this wire key.</summary>
    internal static Request NewRequest(string methodKey) =>
        Methods.TryGetValue(methodKey, out var f)
            ? f()
            : throw new GrainActivationException($"Method '{methodKey}' is unknown to this silo: are all silos and gateways running the same grain interfaces?");

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

    /// <summary>
    /// Runs the generated registrations of the given assemblies and of the assemblies they reference that build on
    /// the runtime (their grain interfaces), so a silo knows every method it may be asked to run.
    /// </summary>
    public static void Load(params Assembly[] assemblies)
    {
        var runtime = typeof(GrainRegistry).Assembly.GetName().Name;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>(assemblies);
        while (pending.TryPop(out var a))
        {
            if (!seen.Add(a.FullName!))
                continue;
            System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(a.ManifestModule.ModuleHandle);
            foreach (var reference in a.GetReferencedAssemblies())
            {
                if (reference.Name == runtime || seen.Contains(reference.FullName))
                    continue;
                var referenced = Assembly.Load(reference);
                if (referenced.GetReferencedAssemblies().Any(r => r.Name == runtime))
                    pending.Push(referenced);
            }
        }
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

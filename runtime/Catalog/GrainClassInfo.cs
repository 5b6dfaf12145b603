using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Cluster.Runtime.Catalog;

/// <summary>What the runtime knows of a grain class: its type name, scheduling and placement traits, and a compiled constructor.</summary>
public sealed class GrainClassInfo
{
    private Func<IServiceProvider, ActivationData, Grain>? _factory;

    internal GrainClassInfo(Type classType)
    {
        ClassType = classType;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? classType.Name;
        IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>() is not null;
        var worker = classType.GetCustomAttribute<StatelessWorkerAttribute>();
        IsStatelessWorker = worker is not null;
        MaxLocalWorkers = worker is null ? 1 : worker.MaxLocalWorkers > 0 ? worker.MaxLocalWorkers : Environment.ProcessorCount;
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Age;
        RequiredRole = classType.GetCustomAttribute<SiloRoleAttribute>()?.Role;
        IsSiloTarget = classType.GetCustomAttribute<SiloTargetAttribute>() is not null;
    }

    /// <summary>The grain's key names the silo it lives on.</summary>
    public bool IsSiloTarget { get; }

    public Type ClassType { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public bool IsStatelessWorker { get; }

    public int MaxLocalWorkers { get; }

    /// <summary>The class's own idle age, or null to use the silo's configured default.</summary>
    public TimeSpan? CollectionAge { get; }

    public string? RequiredRole { get; }

    internal Grain Create(IServiceProvider services, ActivationData activation) =>
        (_factory ??= CompileFactory())(services, activation);

    /// <summary>
    /// Builds the constructor call once: services come from the container, [PersistentState] parameters from the
    /// activation's storage. Activations then cost no reflection.
    /// </summary>
    private Func<IServiceProvider, ActivationData, Grain> CompileFactory()
    {
        var ctors = ClassType.GetConstructors();
        if (ctors.Length != 1)
            throw new GrainActivationException($"{ClassType.Name} must have exactly one public constructor.");
        var ctor = ctors[0];
        var services = Expression.Parameter(typeof(IServiceProvider), "services");
        var activation = Expression.Parameter(typeof(ActivationData), "activation");
        var args = new List<Expression>();
        foreach (var p in ctor.GetParameters())
        {
            var state = p.GetCustomAttribute<PersistentStateAttribute>();
            if (state is not null)
            {
                if (!p.ParameterType.IsGenericType || p.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
                    throw new GrainActivationException($"{ClassType.Name}: parameter '{p.Name}' has [PersistentState] but is not an IPersistentState<T>.");
                var stateType = p.ParameterType.GetGenericArguments()[0];
                var method = typeof(ActivationData).GetMethod(nameof(ActivationData.CreatePersistentState), BindingFlags.Instance | BindingFlags.NonPublic)!
                    .MakeGenericMethod(stateType);
                args.Add(Expression.Call(activation, method, Expression.Constant(state.StateName), Expression.Constant(state.StorageName)));
            }
            else
            {
                var get = typeof(ServiceProviderServiceExtensions).GetMethod(nameof(ServiceProviderServiceExtensions.GetRequiredService), [typeof(IServiceProvider)])!
                    .MakeGenericMethod(p.ParameterType);
                args.Add(Expression.Call(get, services));
            }
        }
        var body = Expression.Convert(Expression.New(ctor, args), typeof(Grain));
        return Expression.Lambda<Func<IServiceProvider, ActivationData, Grain>>(body, services, activation).Compile();
    }

    public override string ToString() => GrainType;
}

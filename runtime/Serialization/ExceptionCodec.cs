using System.Collections.Concurrent;
using System.Reflection;

namespace Cluster.Runtime.Serialization;

/// <summary>
/// Carries exceptions across processes as type name, message and the invalid field (when the exception names one),
/// and recreates them as the same type when this process knows it, else as <see cref="RemoteGrainException"/>.
/// </summary>
internal static class ExceptionCodec
{
    private static readonly ConcurrentDictionary<string, Func<string, Exception>?> Factories = new(StringComparer.Ordinal);

    public static string TypeName(Exception e) => e.GetType().AssemblyQualifiedName ?? e.GetType().FullName ?? e.GetType().Name;

    public static string? FieldOf(Exception e) => e.GetType().GetProperty("Field")?.GetValue(e) as string;

    public static Exception Recreate(string typeName, string message, string? field)
    {
        if (field is null && Factories.GetOrAdd(typeName, FactoryFor) is { } factory)
        {
            try
            {
                return factory(message);
            }
            catch (TargetInvocationException)
            {
                // The type's constructor rejected the message; report it generically below.
            }
        }
        var shortName = typeName.Split(',')[0];
        return new RemoteGrainException(shortName, message, field);
    }

    /// <summary>A constructor taking the message first, any further parameters optional.</summary>
    private static Func<string, Exception>? FactoryFor(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: false);
        if (type is null || !typeof(Exception).IsAssignableFrom(type) || type.IsAbstract)
            return null;
        foreach (var ctor in type.GetConstructors())
        {
            var ps = ctor.GetParameters();
            if (ps.Length == 0 || ps[0].ParameterType != typeof(string) || ps[0].Name is not ("message" or "msg"))
                continue;
            var rest = ps.Skip(1).ToArray();
            if (!rest.All(p => p.IsOptional))
                continue;
            var defaults = rest.Select(p => p.DefaultValue).ToArray();
            return message => (Exception)ctor.Invoke([message, .. defaults]);
        }
        return null;
    }
}

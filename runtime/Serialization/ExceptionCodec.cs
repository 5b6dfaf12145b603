using System.Collections.Concurrent;
using System.Reflection;

namespace Cluster.Runtime.Serialization;

/// <summary>
/// Carries exceptions across processes as type name, message and the invalid field (when the exception names one).
/// The receiver recreates the same type when it can build one from the message, else the nearest base type it can
/// (a <c>StudyNotFoundException(studyId)</c> arrives as a <see cref="KeyNotFoundException"/>), so callers still
/// tell the kinds of failure apart; an exception naming a field arrives as <see cref="RemoteGrainException"/> with it.
/// </summary>
internal static class ExceptionCodec
{
    private static readonly ConcurrentDictionary<string, Func<string, Exception>?> Factories = new(StringComparer.Ordinal);

    public static string TypeName(Exception e) => e.GetType().AssemblyQualifiedName ?? e.GetType().FullName ?? e.GetType().Name;

    public static string? FieldOf(Exception e) => e.GetType().GetProperty("Field")?.GetValue(e) as string;

    public static Exception Recreate(string typeName, string message, string? field)
    {
        if (field is null && Factories.GetOrAdd(typeName, NearestFactory) is { } factory)
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

    /// <summary>The factory of the type, or of its nearest base type below <see cref="Exception"/> that has one.</summary>
    private static Func<string, Exception>? NearestFactory(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: false);
        if (type is null || !typeof(Exception).IsAssignableFrom(type))
            return null;
        for (var t = type; t is not null && t != typeof(Exception); t = t.BaseType)
        {
            if (FactoryFor(t) is { } factory)
                return factory;
        }
        return null;
    }

    /// <summary>A constructor taking the message first, any further parameters optional.</summary>
    private static Func<string, Exception>? FactoryFor(Type type)
    {
        if (type.IsAbstract)
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

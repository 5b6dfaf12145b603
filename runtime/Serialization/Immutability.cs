using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;

namespace Cluster.Runtime.Serialization;

/// <summary>Decides, once per type, whether values of the type can be shared between grains without a copy.</summary>
public static class Immutability
{
    private static readonly ConcurrentDictionary<Type, bool> Known = new();

    public static bool IsImmutable(Type type) => Known.GetOrAdd(type, static t => Decide(t, []));

    private static bool Decide(Type t, HashSet<Type> visiting)
    {
        if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || t == typeof(Guid) || t == typeof(DateOnly)
            || t == typeof(TimeOnly) || t == typeof(Uri) || t == typeof(Version))
            return true;
        if (t.GetCustomAttribute<ImmutableAttribute>(inherit: false) is not null)
            return true;
        if (t.IsGenericType && t.GetGenericTypeDefinition().GetCustomAttribute<ImmutableAttribute>(inherit: false) is not null)
            return true;
        if (typeof(GrainReference).IsAssignableFrom(t) || (t.IsInterface && typeof(IGrain).IsAssignableFrom(t)))
            return true;
        if (t.IsGenericType)
        {
            var def = t.GetGenericTypeDefinition();
            if (def == typeof(Nullable<>) || def == typeof(ImmutableArray<>) || def == typeof(ImmutableList<>)
                || def == typeof(ImmutableDictionary<,>) || def == typeof(ImmutableHashSet<>) || def == typeof(ImmutableSortedDictionary<,>)
                || def == typeof(KeyValuePair<,>) || def.FullName!.StartsWith("System.Tuple`", StringComparison.Ordinal))
                return AllArgumentsImmutable(t, visiting);
        }
        // A struct whose fields are all read-only and immutable cannot be changed through a shared copy.
        if (t.IsValueType && visiting.Add(t))
        {
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (!f.IsInitOnly || !(f.FieldType == t || Decide(f.FieldType, visiting)))
                    return false;
            }
            return true;
        }
        return false;
    }

    private static bool AllArgumentsImmutable(Type t, HashSet<Type> visiting)
    {
        foreach (var a in t.GetGenericArguments())
            if (!Decide(a, visiting))
                return false;
        return true;
    }
}

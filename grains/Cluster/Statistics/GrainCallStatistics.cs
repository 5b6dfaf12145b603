using System.Collections.Concurrent;
using System.Reflection;
using Cluster.GrainInterfaces.Cluster;

namespace Cluster.Grains.Cluster;

/// <summary>This silo's per-method call statistics, keyed by the implementing method so a call costs one lookup.</summary>
public sealed class GrainCallStatistics
{
    private readonly ConcurrentDictionary<MethodInfo, MethodCallStatistics> _methods = new();
    private readonly Func<MethodInfo, MethodCallStatistics> _create =
        m => new MethodCallStatistics(m.DeclaringType?.Name ?? "?", m.Name);

    public MethodCallStatistics For(MethodInfo method) => _methods.GetOrAdd(method, _create);

    /// <summary>Orleans' own grains (management, dashboard) serve the runtime, not the application.</summary>
    public static bool IsOrleans(Type? type) => type?.Namespace?.StartsWith("Orleans", StringComparison.Ordinal) ?? false;

    public List<MethodStats> Export()
    {
        var stats = new List<MethodStats>(_methods.Count);
        foreach (var (info, method) in _methods)
        {
            if (!IsOrleans(info.DeclaringType))
                stats.Add(method.Export());
        }
        return stats;
    }
}

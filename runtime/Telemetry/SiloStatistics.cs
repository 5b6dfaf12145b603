using System.Collections.Concurrent;
using Cluster.Runtime.Catalog;

namespace Cluster.Runtime.Telemetry;

/// <summary>A silo's call statistics per grain type and method, and its activation counters.</summary>
public sealed class SiloStatistics
{
    private readonly ConcurrentDictionary<string, ClassStatistics> _classes = new(StringComparer.Ordinal);
    private long _activationsCreated;
    private long _activationsRemoved;

    public IEnumerable<ClassStatistics> Classes => _classes.Values;

    public long ActivationsCreated => Volatile.Read(ref _activationsCreated);

    public long ActivationsRemoved => Volatile.Read(ref _activationsRemoved);

    internal ClassStatistics ForClass(GrainClassInfo info) =>
        _classes.GetOrAdd(info.GrainType, static t => new ClassStatistics(t));

    internal void ActivationCreated() => Interlocked.Increment(ref _activationsCreated);

    internal void ActivationRemoved() => Interlocked.Increment(ref _activationsRemoved);
}

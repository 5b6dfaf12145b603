using System.Collections.Concurrent;
using System.Diagnostics;
using Cluster.Runtime.Messaging;

namespace Cluster.Runtime.Telemetry;

/// <summary>The per-method statistics of one grain type in one silo.</summary>
public sealed class ClassStatistics(string grainType)
{
    private readonly ConcurrentDictionary<GrainMethod, CallStatistics> _methods = new();
    private readonly Func<GrainMethod, CallStatistics> _create = m => new CallStatistics(grainType, m.Name);

    public string GrainType { get; } = grainType;

    public IEnumerable<CallStatistics> Methods => _methods.Values;

    internal void Record(Request request, bool failed)
    {
        var micros = Stopwatch.GetElapsedTime(request.StartTimestamp).TotalMicroseconds;
        _methods.GetOrAdd(request.Method, _create).Record(micros, failed);
        if (RuntimeTelemetry.Calls.Enabled)
        {
            var tag = new KeyValuePair<string, object?>("grain.type", GrainType);
            RuntimeTelemetry.Calls.Add(1, tag);
            if (failed)
                RuntimeTelemetry.Errors.Add(1, tag);
        }
        if (RuntimeTelemetry.Latency.Enabled)
            RuntimeTelemetry.Latency.Record(micros / 1000.0, new KeyValuePair<string, object?>("grain.type", GrainType), new KeyValuePair<string, object?>("grain.method", request.Method.Name));
    }
}

using Cluster.GrainInterfaces.Cluster;

namespace Cluster.Grains.Cluster;

/// <summary>Calls, failures and latency of one grain method on this silo.</summary>
public sealed class MethodCallStatistics(string grainType, string method)
{
    private long _calls;
    private long _errors;

    public string GrainType { get; } = grainType;

    public string Method { get; } = method;

    public long Calls => Volatile.Read(ref _calls);

    public long Errors => Volatile.Read(ref _errors);

    public LatencyHistogram Latency { get; } = new();

    public void Record(double micros, bool failed)
    {
        Interlocked.Increment(ref _calls);
        if (failed)
            Interlocked.Increment(ref _errors);
        Latency.Record(micros);
        if (ClusterTelemetry.Calls.Enabled)
        {
            var type = new KeyValuePair<string, object?>("grain.type", GrainType);
            var method = new KeyValuePair<string, object?>("grain.method", Method);
            ClusterTelemetry.Calls.Add(1, type, method);
            if (failed)
                ClusterTelemetry.Errors.Add(1, type, method);
            ClusterTelemetry.Latency.Record(micros / 1000.0, type, method);
        }
    }

    public MethodStats Export()
    {
        var (buckets, sum) = Latency.Export();
        return new MethodStats(GrainType, Method, Calls, Errors, buckets, sum);
    }
}

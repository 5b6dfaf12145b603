namespace Cluster.Runtime.Telemetry;

/// <summary>Calls, errors and latency of one grain method on one grain type.</summary>
public sealed class CallStatistics(string grainType, string method)
{
    private long _errors;

    public string GrainType { get; } = grainType;

    public string Method { get; } = method;

    public LatencyHistogram Latency { get; } = new();

    public long Calls => Latency.Count;

    public long Errors => Volatile.Read(ref _errors);

    internal void Record(double micros, bool failed)
    {
        Latency.Record(micros);
        if (failed)
            Interlocked.Increment(ref _errors);
    }
}

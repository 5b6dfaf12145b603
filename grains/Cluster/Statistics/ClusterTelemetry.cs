using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cluster.Grains.Cluster;

/// <summary>
/// The cluster's own OpenTelemetry source and meter, beside Orleans' (whose grain-call spans come from
/// <c>AddActivityPropagation</c>): calls, failures and latency per grain type and method, as the silo serves them.
/// </summary>
public static class ClusterTelemetry
{
    public const string Name = "Cluster";

    public static readonly ActivitySource Source = new(Name, "1.0");

    public static readonly Meter Meter = new(Name, "1.0");

    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("cluster.grain.calls", "{call}", "Grain calls served");

    public static readonly Counter<long> Errors = Meter.CreateCounter<long>("cluster.grain.errors", "{call}", "Grain calls that failed");

    public static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("cluster.grain.call.duration", "ms", "Grain call latency at the serving silo");
}

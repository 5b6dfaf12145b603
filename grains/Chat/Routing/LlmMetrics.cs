using System.Diagnostics.Metrics;
using Cluster.Grains.Cluster;

namespace Cluster.Grains.Chat.Routing;

/// <summary>The router's instruments on the cluster's meter, each tagged with the backend's name.</summary>
public static class LlmMetrics
{
    public static readonly Counter<long> Requests = ClusterTelemetry.Meter.CreateCounter<long>("chat.llm.requests", "{request}", "Requests sent to a model backend");

    public static readonly Counter<long> Errors = ClusterTelemetry.Meter.CreateCounter<long>("chat.llm.errors", "{request}", "Requests a model backend failed, before or after the first token");

    public static readonly Histogram<double> Latency = ClusterTelemetry.Meter.CreateHistogram<double>("chat.llm.duration", "ms", "From sending a request to a backend to its last token");

    public static readonly Histogram<double> FirstToken = ClusterTelemetry.Meter.CreateHistogram<double>("chat.llm.first_token", "ms", "From sending a request to a backend to its first token");

    public static readonly Counter<long> Tokens = ClusterTelemetry.Meter.CreateCounter<long>("chat.llm.tokens", "{token}", "Tokens a backend read (kind=prompt) and wrote (kind=completion)");

    public static KeyValuePair<string, object?> Backend(string name) => new("backend", name);
}

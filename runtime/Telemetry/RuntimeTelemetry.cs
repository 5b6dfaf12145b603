using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cluster.Runtime.Catalog;
using Cluster.Runtime.Messaging;

namespace Cluster.Runtime.Telemetry;

/// <summary>
/// The runtime's OpenTelemetry sources: a span per grain call (client side at the caller, server side at the
/// activation, linked across threads) and meters for calls, errors, latency and activations.
/// </summary>
public static class RuntimeTelemetry
{
    public const string Name = "Cluster.Runtime";

    public static readonly ActivitySource Source = new(Name, "1.0");

    public static readonly Meter Meter = new(Name, "1.0");

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("cluster.grain.calls", "{call}", "Grain calls completed");

    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>("cluster.grain.errors", "{call}", "Grain calls that failed");

    internal static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("cluster.grain.call.duration", "ms", "Grain call latency from send to completion");

    internal static Activity? StartClientSpan(Request request)
    {
        var activity = Source.StartActivity(request.Method.DisplayName, ActivityKind.Client);
        if (activity is null)
            return null;
        activity.SetTag("cluster.grain", request.Target.ToString());
        return activity;
    }

    internal static void EndSpan(Activity span, Task outcome)
    {
        if (outcome.IsFaulted)
            span.SetStatus(ActivityStatusCode.Error, outcome.Exception!.InnerException!.Message);
        span.Dispose();
    }

    internal static Activity? StartServerSpan(Request request, ActivationData activation)
    {
        var activity = Source.StartActivity(request.Method.DisplayName, ActivityKind.Server, request.ParentActivity);
        activity?.SetTag("cluster.grain", activation.GrainId.ToString());
        return activity;
    }
}

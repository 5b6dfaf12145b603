using System.Collections.Concurrent;
using System.Diagnostics;
using Cluster.Runtime.Telemetry;
using Cluster.Runtime.Testing;
using Cluster.Tests.Runtime.Grains;
using Xunit;

namespace Cluster.Tests.Runtime;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Every_grain_call_is_a_span_and_nested_calls_share_the_trace()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == RuntimeTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var cluster = await TestCluster.StartAsync();
        var key = Guid.NewGuid().ToString("N");
        var caller = cluster.GrainFactory.GetGrain<ICallerGrain>(key);
        await caller.RememberAsync(cluster.GrainFactory.GetGrain<ICounterGrain>(key));

        using (var root = new Activity("test-root").Start())
        {
            await caller.CallRememberedAsync();
            var mine = spans.Where(s => s.TraceId == root.TraceId).ToList();
            var clientOuter = Assert.Single(mine, s => s.Kind == ActivityKind.Client && s.DisplayName == "ICallerGrain.CallRememberedAsync");
            var serverOuter = Assert.Single(mine, s => s.Kind == ActivityKind.Server && s.DisplayName == "ICallerGrain.CallRememberedAsync");
            var clientInner = Assert.Single(mine, s => s.Kind == ActivityKind.Client && s.DisplayName == "ICounterGrain.IncrementAsync");
            var serverInner = Assert.Single(mine, s => s.Kind == ActivityKind.Server && s.DisplayName == "ICounterGrain.IncrementAsync");

            Assert.Equal(root.SpanId, clientOuter.ParentSpanId);
            Assert.Equal(clientOuter.SpanId, serverOuter.ParentSpanId);
            Assert.Equal(serverOuter.SpanId, clientInner.ParentSpanId);
            Assert.Equal(clientInner.SpanId, serverInner.ParentSpanId);
        }
    }
}

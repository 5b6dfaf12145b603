using Xunit;
using Cluster.Runtime;
using Cluster.Runtime.Testing;
using Cluster.Tests.Runtime.Grains;

namespace Cluster.Tests.Runtime;

public sealed class CallTests
{
    [Fact]
    public async Task An_exception_reaches_the_caller_with_its_type_and_message()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ICallerGrain>("thrower");

        var e = await Assert.ThrowsAsync<FaultyOperationException>(() => grain.ThrowAsync("the reactor is offline"));
        Assert.Equal("the reactor is offline", e.Message);
        Assert.Equal("pong from thrower", await grain.PongAsync());
    }

    [Fact]
    public async Task A_call_past_its_deadline_fails_with_a_timeout()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.ConfigureSilo = s => s.CallTimeout = TimeSpan.FromMilliseconds(300));
        var grain = cluster.GrainFactory.GetGrain<ICallerGrain>("slow");

        var e = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => grain.WaitAsync(5_000, CancellationToken.None));
        Assert.Contains("ICallerGrain.WaitAsync", e.Message);
    }

    [Fact]
    public async Task A_callers_cancellation_token_cancels_the_call_and_reaches_the_grain()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ICallerGrain>("cancel");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.WaitAsync(30_000, cts.Token));
        // The grain's own wait was cancelled too, so the activation is free again quickly.
        var pong = grain.PongAsync();
        Assert.Same(pong, await Task.WhenAny(pong, Task.Delay(5_000)));
    }

    [Fact]
    public async Task A_call_cycle_back_into_a_non_reentrant_grain_fails_naming_the_cycle()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.ConfigureSilo = s => s.CallTimeout = TimeSpan.FromSeconds(1));
        var a = cluster.GrainFactory.GetGrain<ICallerGrain>("a");
        var b = cluster.GrainFactory.GetGrain<ICallerGrain>("b");

        var e = await Assert.ThrowsAsync<DeadlockException>(() => a.PingViaAsync(b));
        Assert.Contains("CallerGrain/a -> CallerGrain/b -> CallerGrain/a", e.Message);
    }

    [Fact]
    public async Task A_call_cycle_back_into_a_reentrant_grain_completes()
    {
        await using var cluster = await TestCluster.StartAsync();
        var a = cluster.GrainFactory.GetGrain<IReentrantCallerGrain>("a");
        var b = cluster.GrainFactory.GetGrain<ICallerGrain>("b");

        Assert.Equal("pong from a", await a.PingViaAsync(b));
    }

    [Fact]
    public async Task Arguments_and_results_are_copied_so_caller_and_grain_share_nothing()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ICallerGrain>("copies");
        var mine = new List<int> { 1, 2 };

        var returned = await grain.MutateAsync(mine);
        returned.Add(7);

        Assert.Equal([1, 2], mine);
        Assert.Equal([1, 2, 99], await grain.HeldAsync());
    }

    [Fact]
    public async Task A_grain_reference_can_be_passed_stored_and_called_later()
    {
        await using var cluster = await TestCluster.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("remembered");
        var caller = cluster.GrainFactory.GetGrain<ICallerGrain>("holder");

        await caller.RememberAsync(counter);
        Assert.Equal(1, await caller.CallRememberedAsync());
        Assert.Equal(2, (await counter.IncrementAsync()).Count);
        Assert.Equal(counter, cluster.GrainFactory.GetGrain<ICounterGrain>("remembered"));
    }

    [Fact]
    public async Task Stateless_workers_scale_to_their_bound_and_no_further()
    {
        await using var cluster = await TestCluster.StartAsync();
        var worker = cluster.GrainFactory.GetGrain<IWorkerGrain>(0);

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => worker.WorkAsync(30)));

        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal(2, cluster.Silo.ActivationsByType()["WorkerGrain"]);
    }
}

using Xunit;
using Cluster.Runtime;
using Cluster.Runtime.Testing;
using Cluster.Tests.Runtime.Grains;

namespace Cluster.Tests.Runtime;

public sealed class TurnTests
{
    [Fact]
    public async Task A_thousand_concurrent_callers_reach_one_activation_one_turn_at_a_time()
    {
        await using var cluster = await TestCluster.StartAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(() => cluster.GrainFactory.GetGrain<ICounterGrain>("shared").IncrementAsync())));

        Assert.Single(results.Select(r => r.Activation).Distinct());
        Assert.Equal(Enumerable.Range(1, 1000), results.Select(r => r.Count).Order());
        Assert.Equal(1, await cluster.GrainFactory.GetGrain<ICounterGrain>("shared").MaxConcurrentTurnsAsync());
        Assert.Equal(1, cluster.Silo.ActivationsByType()["CounterGrain"]);
    }

    [Fact]
    public async Task Requests_from_one_caller_run_in_arrival_order()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ISequenceGrain>(7);
        // Earlier requests wait longer, so any reordering of turns would show in the result.
        var calls = Enumerable.Range(0, 50).Select(i => grain.AppendAsync(i, i % 2 == 0 ? 3 : 0)).ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 50), await grain.GetAsync());
    }

    [Fact]
    public async Task A_non_reentrant_grain_never_interleaves_requests()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IOverlapProbe>("plain");
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.HoldAsync(20)));

        Assert.Equal(1, await grain.MaxOverlapAsync());
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_while_they_await()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IReentrantProbe>("reentrant");
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.HoldAsync(1000)));

        Assert.True(await grain.MaxOverlapAsync() > 1);
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_another_request_is_in_progress()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IOverlapProbe>("interleave");
        // The first request holds long enough that even a stalled machine sends the second one while it runs.
        var first = grain.HoldAsync(2000);
        await Task.Delay(50);
        await Task.WhenAll(first, grain.HoldInterleavedAsync(100));

        Assert.Equal(2, await grain.MaxOverlapAsync());
    }

    [Fact]
    public async Task Read_only_requests_interleave_with_each_other_but_not_with_writers()
    {
        await using var cluster = await TestCluster.StartAsync();
        var readers = cluster.GrainFactory.GetGrain<IOverlapProbe>("readers");
        await Task.WhenAll(readers.HoldReadOnlyAsync(1000), readers.HoldReadOnlyAsync(1000));
        Assert.Equal(2, await readers.MaxOverlapAsync());

        var mixed = cluster.GrainFactory.GetGrain<IOverlapProbe>("mixed");
        await Task.WhenAll(mixed.HoldAsync(100), mixed.HoldReadOnlyAsync(100));
        Assert.Equal(1, await mixed.MaxOverlapAsync());
    }

    [Fact]
    public async Task Timer_callbacks_run_as_turns_and_never_overlap_requests()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>("t");
        await grain.StartAsync(10);
        for (var i = 0; i < 10; i++)
            await grain.BusyAsync(15);
        await Task.Delay(100);
        var (ticks, maxOverlap) = await grain.ReadAsync();

        Assert.True(ticks >= 3, $"expected the timer to tick, saw {ticks} ticks");
        Assert.Equal(1, maxOverlap);
    }
}

using System.Diagnostics;
using Cluster.Runtime.Membership;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;
using static Cluster.Tests.Membership.MembershipScope;

namespace Cluster.Tests.Membership;

/// <summary>Membership against the real Redis server the test script starts (CLUSTER_TEST_REDIS).</summary>
[Collection(TimingSensitive.Name)]
public sealed class RedisMembershipTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_silos_and_an_observer_hold_the_same_view_and_version()
    {
        await using var scope = new MembershipScope(output);
        var started = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
        var a = scope.Create();
        await a.JoinAsync(SiloInfoFor("silo-a", ["gpu"]) with { StartTime = started }, static () => 5, CancellationToken.None);
        var b = await scope.JoinAsync("silo-b");
        var gateway = await scope.ObserveAsync();

        await Eventually.HoldsAsync(() => gateway.Current.Silos.Count == 2 && SameView(a.Current, b.Current) && SameView(a.Current, gateway.Current),
            "both silos and the observer hold the same view of two silos");

        var view = gateway.Current;
        Assert.Equal(2, view.Version);
        Assert.Equal(view.Version, gateway.Version);
        Assert.Equal(["silo-a", "silo-b"], view.Silos.Select(s => s.SiloId));
        Assert.All(view.Silos, s => Assert.Equal(SiloStatus.Active, s.Status));
        Assert.Equal(["gpu"], view.Silos[0].Roles);
        Assert.Equal("silo-a.cluster.test:11111", view.Silos[0].Endpoint);
        Assert.Equal(started, view.Silos[0].StartTime);
        Assert.Equal(5, view.Silos[0].ActivationCount);
    }

    [Fact]
    public async Task Joins_and_leaves_reach_an_observer_through_notifications_alone()
    {
        await using var scope = new MembershipScope(output);
        // It never re-reads on its own during the test: only notifications can bring it the changes.
        var gateway = await scope.ObserveAsync(configure: static o => o.RefreshInterval = TimeSpan.FromHours(1));
        var recorder = new ViewRecorder(gateway);
        var fast = TimeSpan.FromSeconds(5);

        var a = await scope.JoinAsync("silo-a");
        await Eventually.HoldsAsync(() => StatusOf(gateway, "silo-a") == SiloStatus.Active, "the observer sees silo-a join", fast);
        await scope.JoinAsync("silo-b");
        await Eventually.HoldsAsync(() => StatusOf(gateway, "silo-b") == SiloStatus.Active, "the observer sees silo-b join", fast);
        await a.ShuttingDownAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => StatusOf(gateway, "silo-a") == SiloStatus.ShuttingDown, "the observer sees silo-a shutting down", fast);
        await a.LeaveAsync(CancellationToken.None);
        var left = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => StatusOf(gateway, "silo-a") == SiloStatus.Dead, "the observer sees silo-a leave", fast);
        output.WriteLine($"a leave reached the observer {left.Elapsed.TotalMilliseconds:F0} ms after LeaveAsync returned");

        Assert.Equal(4, gateway.Version);
        Assert.Equal(SiloStatus.Active, StatusOf(gateway, "silo-b"));
        await Eventually.HoldsAsync(() => recorder.Views is [.., { Version: 4 }], "ViewChanged was raised for version 4");
        Assert.True(recorder.VersionsIncrease(), "ViewChanged is raised in version order");
        Assert.False(recorder.Overlapped, "ViewChanged is never raised concurrently with itself");
        Assert.False(recorder.RaisedOffThePool, "ViewChanged is raised on thread-pool threads");
    }

    [Fact]
    public async Task Heartbeats_refresh_the_entry_and_its_activation_count_without_changing_the_version()
    {
        await using var scope = new MembershipScope(output);
        var activations = 3;
        var a = await scope.JoinAsync("silo-a", activations: () => Volatile.Read(ref activations));
        var gateway = await scope.ObserveAsync();
        await Eventually.HoldsAsync(() => Find(gateway, "silo-a") is not null, "the observer sees silo-a");
        var first = Find(gateway, "silo-a")!.LastHeartbeat;

        Volatile.Write(ref activations, 7);
        await Eventually.HoldsAsync(() => Find(gateway, "silo-a") is { ActivationCount: 7 } silo && silo.LastHeartbeat >= first + 4 * Heartbeat,
            "several heartbeats and the new activation count reach the observer");

        Assert.Equal(1, gateway.Version);
        Assert.Equal(1, a.Version);
        await a.ShuttingDownAsync(CancellationToken.None);
        Assert.Equal(2, a.Version);
        Assert.Equal(SiloStatus.ShuttingDown, StatusOf(a, "silo-a"));
    }

    [Fact]
    public async Task A_silo_that_stops_heartbeating_is_declared_dead_within_five_seconds_with_the_default_settings()
    {
        await using var scope = new MembershipScope(output);
        var defaults = new RedisMembershipOptions();
        void Defaults(RedisMembershipOptions o)
        {
            o.HeartbeatInterval = defaults.HeartbeatInterval;
            o.MissedHeartbeatsBeforeDead = defaults.MissedHeartbeatsBeforeDead;
            o.RefreshInterval = defaults.RefreshInterval;
        }
        var crashed = await scope.JoinAsync("silo-crashed", configure: Defaults);
        var survivor = await scope.JoinAsync("silo-survivor", configure: Defaults);
        var gateway = await scope.ObserveAsync(configure: Defaults);
        // A participant judges others only once it has reached Redis for a whole dead-after window itself.
        await Task.Delay(defaults.DeadAfter + defaults.HeartbeatInterval);

        await crashed.DisposeAsync();
        var stopped = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => StatusOf(gateway, "silo-crashed") == SiloStatus.Dead, "the observer sees the silent silo declared dead");
        var seen = DateTimeOffset.UtcNow;

        // The entry keeps the last heartbeat it got (Redis server time; the server runs on this machine).
        var sinceLastHeartbeat = seen - Find(gateway, "silo-crashed")!.LastHeartbeat;
        output.WriteLine($"declared dead and seen by the observer {sinceLastHeartbeat.TotalSeconds:F2} s after its last heartbeat, {stopped.Elapsed.TotalSeconds:F2} s after it stopped");
        Assert.True(sinceLastHeartbeat <= TimeSpan.FromSeconds(5), $"detected {sinceLastHeartbeat.TotalSeconds:F2} s after the last heartbeat");
        Assert.Equal(SiloStatus.Active, StatusOf(gateway, "silo-survivor"));
        await Eventually.HoldsAsync(() => StatusOf(survivor, "silo-crashed") == SiloStatus.Dead, "the other silo sees it dead too");
    }

    [Fact]
    public async Task A_partitioned_silo_keeps_its_last_view_and_learns_it_was_declared_dead_when_redis_returns()
    {
        // Declared first so that it is disposed last, after the participants behind it.
        await using var relay = new RedisRelay(RedisServer.Endpoint);
        await using var scope = new MembershipScope(output);
        var partitioned = await scope.JoinAsync("silo-partitioned", relay.Endpoint);
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        partitioned.DeclaredDead += () => told.TrySetResult();
        await scope.JoinAsync("silo-other");
        var gateway = await scope.ObserveAsync();
        await Eventually.HoldsAsync(() => partitioned.Current.Silos.Count == 2 && SameView(partitioned.Current, gateway.Current), "everyone sees both silos");
        var before = partitioned.Current;

        relay.Cut();
        await Eventually.HoldsAsync(() => StatusOf(gateway, "silo-partitioned") == SiloStatus.Dead, "the cluster declares the partitioned silo dead");

        Assert.True(SameView(before, partitioned.Current), "the partitioned silo serves with its last view");
        Assert.False(told.Task.IsCompleted, "it cannot know yet");
        Assert.Equal(1, scope.Log.Count(LogLevel.Warning, "is unreachable"));

        relay.Restore();
        await told.Task.WaitAsync(Eventually.Limit);
        Assert.True(scope.Log.Count(LogLevel.Information, "is reachable again") >= 1);
        await Eventually.HoldsAsync(() => StatusOf(partitioned, "silo-partitioned") == SiloStatus.Dead, "its own view shows it dead");
        var version = gateway.Version;
        await Task.Delay(DeadAfter);
        Assert.Equal(SiloStatus.Dead, StatusOf(gateway, "silo-partitioned"));
        Assert.Equal(version, gateway.Version);
    }

    [Fact]
    public async Task Every_participant_keeps_its_view_through_a_redis_outage_and_nobody_is_declared_dead()
    {
        // Declared first so that it is disposed last, after the participants behind it.
        await using var relay = new RedisRelay(RedisServer.Endpoint);
        await using var scope = new MembershipScope(output);
        var a = await scope.JoinAsync("silo-a", relay.Endpoint);
        var b = await scope.JoinAsync("silo-b", relay.Endpoint);
        var gateway = await scope.ObserveAsync(relay.Endpoint);
        var deaths = 0;
        a.DeclaredDead += () => Interlocked.Increment(ref deaths);
        b.DeclaredDead += () => Interlocked.Increment(ref deaths);
        await Eventually.HoldsAsync(() => gateway.Current.Silos.Count == 2 && SameView(a.Current, gateway.Current) && SameView(b.Current, gateway.Current),
            "everyone sees both silos");
        var before = gateway.Current;

        relay.Cut();
        // Far longer than any silo may stay silent.
        await Task.Delay(DeadAfter * 3);
        Assert.True(SameView(before, a.Current) && SameView(before, b.Current) && SameView(before, gateway.Current), "everyone serves with the last view");
        relay.Restore();
        var restored = DateTimeOffset.UtcNow;

        // By then every participant has reached Redis long enough to judge again, and both silos still heartbeat.
        await Eventually.HoldsAsync(() => Find(gateway, "silo-a")?.LastHeartbeat > restored + 2 * DeadAfter && Find(gateway, "silo-b")?.LastHeartbeat > restored + 2 * DeadAfter,
            "both silos heartbeat again, well after anyone could declare them dead");
        Assert.Equal(SiloStatus.Active, StatusOf(gateway, "silo-a"));
        Assert.Equal(SiloStatus.Active, StatusOf(gateway, "silo-b"));
        Assert.Equal(before.Version, gateway.Version);
        Assert.Equal(0, Volatile.Read(ref deaths));
        Assert.Equal(3, scope.Log.Count(LogLevel.Warning, "is unreachable"));
    }

    [Fact]
    public async Task A_store_that_lost_the_cluster_is_restored_from_the_participants_views_without_declaring_anyone_dead()
    {
        await using var scope = new MembershipScope(output);
        var a = await scope.JoinAsync("silo-a");
        var b = await scope.JoinAsync("silo-b");
        var gateway = await scope.ObserveAsync();
        var recorder = new ViewRecorder(gateway);
        var deaths = 0;
        a.DeclaredDead += () => Interlocked.Increment(ref deaths);
        b.DeclaredDead += () => Interlocked.Increment(ref deaths);
        await Eventually.HoldsAsync(() => gateway.Current.Silos.Count == 2 && SameView(a.Current, gateway.Current) && SameView(b.Current, gateway.Current),
            "everyone sees both silos");
        var before = gateway.Version;

        // What Redis restarting without persistence, or a flush, leaves behind.
        var keys = new RedisMembershipKeys(scope.ClusterId);
        var db = await RedisServer.DatabaseAsync();
        await db.KeyDeleteAsync([.. keys.All.Select(static k => (RedisKey)k)]);

        await Eventually.HoldsAsync(() => gateway.Version > before && SameView(a.Current, gateway.Current) && SameView(b.Current, gateway.Current)
                && StatusOf(gateway, "silo-a") == SiloStatus.Active && StatusOf(gateway, "silo-b") == SiloStatus.Active,
            "the participants put the view back, at a higher version");
        Assert.Equal(2, (await db.HashGetAllAsync(keys.Status)).Length);
        Assert.Equal(0, Volatile.Read(ref deaths));
        Assert.True(recorder.VersionsIncrease(), "no participant saw the version go back");
        Assert.True(scope.Log.Count(LogLevel.Warning, "had lost silos") >= 1);
    }

    [Fact]
    public async Task Joining_again_under_the_same_silo_id_tells_the_earlier_process_it_is_dead()
    {
        await using var scope = new MembershipScope(output);
        var earlier = await scope.JoinAsync("silo-a");
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        earlier.DeclaredDead += () => told.TrySetResult();
        var restartedAt = DateTimeOffset.UtcNow.AddMinutes(1);
        var later = scope.Create();

        await later.JoinAsync(SiloInfoFor("silo-a") with { StartTime = restartedAt }, static () => 0, CancellationToken.None);

        await told.Task.WaitAsync(Eventually.Limit);
        var gateway = await scope.ObserveAsync();
        var joined = DateTimeOffset.UtcNow;
        await Eventually.HoldsAsync(() => Find(gateway, "silo-a")?.LastHeartbeat > joined + DeadAfter, "the new process keeps heartbeating");
        Assert.Equal(SiloStatus.Active, StatusOf(gateway, "silo-a"));
        Assert.Equal(restartedAt, Find(gateway, "silo-a")!.StartTime);
        Assert.Equal(1, scope.Log.Count(LogLevel.Warning, "with the same id"));
    }

    [Fact]
    public async Task Clusters_with_different_ids_do_not_see_each_other()
    {
        await using var red = new MembershipScope(output);
        await using var blue = new MembershipScope(output);
        await red.JoinAsync("silo-1");
        var blueSilo = await blue.JoinAsync("silo-1");
        var redGateway = await red.ObserveAsync();
        var blueGateway = await blue.ObserveAsync();

        await blueSilo.ShuttingDownAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => StatusOf(blueGateway, "silo-1") == SiloStatus.ShuttingDown, "the blue observer sees its silo shutting down");

        Assert.Equal(2, blueGateway.Version);
        Assert.Equal(1, redGateway.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(redGateway.Silos).Status);
    }

    [Fact]
    public async Task A_change_whose_notification_was_lost_arrives_with_the_periodic_re_read()
    {
        await using var scope = new MembershipScope(output);
        await scope.JoinAsync("silo-a");
        var gateway = await scope.ObserveAsync();
        await Eventually.HoldsAsync(() => gateway.Version == 1, "the observer sees silo-a");

        // A status change whose notification never arrives: the entry and the version move, nothing is published.
        var keys = new RedisMembershipKeys(scope.ClusterId);
        var transaction = (await RedisServer.DatabaseAsync()).CreateTransaction();
        _ = transaction.HashSetAsync(keys.Status, "silo-a", "ShuttingDown");
        _ = transaction.StringIncrementAsync(keys.Version);
        Assert.True(await transaction.ExecuteAsync());

        await Eventually.HoldsAsync(() => gateway.Version == 2 && StatusOf(gateway, "silo-a") == SiloStatus.ShuttingDown, "the observer re-reads the view");
    }

    [Fact]
    public async Task A_silo_removed_after_its_death_is_still_told_it_is_dead_when_it_returns()
    {
        // Declared first so that it is disposed last, after the participants behind it.
        await using var relay = new RedisRelay(RedisServer.Endpoint);
        await using var scope = new MembershipScope(output);
        static void ShortRetention(RedisMembershipOptions o) => o.DeadSiloRetention = DeadAfter + TimeSpan.FromSeconds(1);
        var returning = await scope.JoinAsync("silo-returning", relay.Endpoint, configure: ShortRetention);
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        returning.DeclaredDead += () => told.TrySetResult();
        await scope.JoinAsync("silo-other", configure: ShortRetention);
        var gateway = await scope.ObserveAsync(configure: ShortRetention);
        await Eventually.HoldsAsync(() => gateway.Current.Silos.Count == 2, "the observer sees both silos");

        var beforeCut = gateway.Version;
        relay.Cut();
        // The Dead entry lives only for the short retention, so a loaded observer may see just its removal.
        await Eventually.HoldsAsync(() => Find(gateway, "silo-returning") is null, "the dead silo leaves the view after the retention");
        Assert.True(gateway.Version >= beforeCut + 2, "declaring the silo dead and removing it are each a change of the view");

        relay.Restore();
        await told.Task.WaitAsync(Eventually.Limit);
        var keys = new RedisMembershipKeys(scope.ClusterId);
        Assert.False(await (await RedisServer.DatabaseAsync()).HashExistsAsync(keys.Status, "silo-returning"), "its return did not bring its entry back");
        Assert.Null(Find(gateway, "silo-returning"));
    }

    [Fact]
    public async Task Joining_when_redis_is_unreachable_fails_with_an_error_naming_the_server()
    {
        await using var relay = new RedisRelay(RedisServer.Endpoint);
        relay.Cut();
        await using var scope = new MembershipScope(output);
        var silo = scope.Create(relay.Endpoint + ",connectTimeout=1000");

        var e = await Assert.ThrowsAsync<RedisMembershipUnavailableException>(() => silo.JoinAsync(SiloInfoFor("silo-a"), static () => 0, CancellationToken.None));

        Assert.Contains(relay.Endpoint, e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.LeaveAsync(CancellationToken.None));
    }
}

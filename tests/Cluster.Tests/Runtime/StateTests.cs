using Xunit;
using Cluster.Runtime;
using Cluster.Runtime.Storage;
using Cluster.Runtime.Testing;
using Cluster.Tests.Runtime.Grains;

namespace Cluster.Tests.Runtime;

public sealed class StateTests
{
    [Fact]
    public async Task An_idle_grain_is_deactivated_and_reactivates_with_its_state_read_back()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.ConfigureSilo = s => s.CollectionInterval = TimeSpan.FromMilliseconds(200));
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("idle");
        await grain.SetAsync("remember me");
        var first = await grain.ActivationIdAsync();

        await WaitUntil(() => !cluster.Silo.ActivationsByType().ContainsKey("StatefulGrain"), TimeSpan.FromSeconds(10));

        Assert.NotEqual(first, await grain.ActivationIdAsync());
        var note = await grain.GetAsync();
        Assert.Equal("remember me", note.Text);
        Assert.Equal(1, note.Revision);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_and_changes_nothing()
    {
        var storage = new MemoryGrainStorage();
        await using var cluster = await TestCluster.StartAsync(o => o.Storage = storage);
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("contended");
        await grain.SetAsync("first");
        var id = new GrainId("StatefulGrain", "contended");
        // Another activation (a duplicate after a membership change) wrote meanwhile.
        var other = await storage.ReadAsync(id, "note", default);
        var otherEtag = await storage.WriteAsync(id, "note", """{"Text":"theirs","Revision":5}"""u8.ToArray(), other!.Etag, default);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync("mine"));

        Assert.Equal(otherEtag, e.CurrentEtag);
        var stored = await storage.ReadAsync(id, "note", default);
        Assert.Equal(otherEtag, stored!.Etag);
        Assert.Contains("theirs", System.Text.Encoding.UTF8.GetString(stored.Payload));
    }

    [Fact]
    public async Task Clearing_state_removes_the_record()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("cleared");
        await grain.SetAsync("x");
        await grain.ClearAsync();

        Assert.Null(await cluster.Storage.Default!.ReadAsync(new GrainId("StatefulGrain", "cleared"), "note", default));
        Assert.Null(await grain.EtagAsync());
        Assert.Equal(1, await grain.SetAsync("y"));
    }

    [Fact]
    public async Task Graceful_shutdown_writes_state_the_grain_changed_but_did_not_write()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.GrainFactory.GetGrain<IStatefulGrain>("shutdown").SetUnsavedAsync("written on the way out");

        await cluster.RestartAsync();

        Assert.Equal("written on the way out", (await cluster.GrainFactory.GetGrain<IStatefulGrain>("shutdown").GetAsync()).Text);
    }

    [Fact]
    public async Task Idle_collection_writes_state_the_grain_changed_but_did_not_write()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.ConfigureSilo = s => s.CollectionInterval = TimeSpan.FromMilliseconds(200));
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("idle-unsaved");
        await grain.SetAsync("saved");
        await grain.SetUnsavedAsync("changed in memory");

        await WaitUntil(() => !cluster.Silo.ActivationsByType().ContainsKey("StatefulGrain"), TimeSpan.FromSeconds(10));

        Assert.Equal("changed in memory", (await grain.GetAsync()).Text);
    }

    [Fact]
    public async Task Deactivation_does_not_write_state_the_grain_left_unchanged()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("unchanged");
        await grain.SetAsync("stored once");
        var etag = await grain.EtagAsync();
        var untouched = cluster.GrainFactory.GetGrain<IStatefulGrain>("never-written");
        await untouched.GetAsync();

        await cluster.RestartAsync();

        Assert.Equal(etag, await cluster.GrainFactory.GetGrain<IStatefulGrain>("unchanged").EtagAsync());
        Assert.Null(await cluster.Storage.Default!.ReadAsync(new GrainId("StatefulGrain", "never-written"), "note", default));
    }

    internal static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(50);
        }
    }
}

using System.Text;
using Cluster.Runtime;
using Cluster.Runtime.Storage;
using Cluster.Runtime.Testing;
using Cluster.Tests.Runtime.Grains;
using Xunit;

namespace Cluster.Tests.Integration;

public sealed class PostgresStorageTests
{
    [Fact]
    public async Task Grain_state_in_postgres_survives_a_silo_restart()
    {
        var storage = await PostgresGrainStorage.CreateAsync(PostgresServer.ConnectionString);
        var key = Guid.NewGuid().ToString("N");
        await using var cluster = await TestCluster.StartAsync(o => o.Storage = storage);
        await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).SetAsync("kept in postgres");
        await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).SetAsync("kept in postgres, twice");

        await cluster.RestartAsync();

        var note = await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).GetAsync();
        Assert.Equal("kept in postgres, twice", note.Text);
        Assert.Equal(2, note.Revision);
    }

    [Fact]
    public async Task State_read_back_from_postgres_is_not_rewritten_on_deactivation_unless_it_changed()
    {
        var storage = await PostgresGrainStorage.CreateAsync(PostgresServer.ConnectionString);
        var (same, changed) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await using var cluster = await TestCluster.StartAsync(o => o.Storage = storage);
        await cluster.GrainFactory.GetGrain<IStatefulGrain>(same).SetAsync("stored as jsonb");
        await cluster.GrainFactory.GetGrain<IStatefulGrain>(changed).SetAsync("stored as jsonb");
        await cluster.RestartAsync();
        // Both activations now hold state read back from jsonb, which PostgreSQL stores in its own normal form.
        var etag = await cluster.GrainFactory.GetGrain<IStatefulGrain>(same).EtagAsync();
        await cluster.GrainFactory.GetGrain<IStatefulGrain>(changed).SetUnsavedAsync("changed in memory");

        await cluster.RestartAsync();

        Assert.Equal(etag, await cluster.GrainFactory.GetGrain<IStatefulGrain>(same).EtagAsync());
        Assert.Equal("changed in memory", (await cluster.GrainFactory.GetGrain<IStatefulGrain>(changed).GetAsync()).Text);
    }

    [Fact]
    public async Task A_stale_etag_write_to_postgres_throws_and_leaves_the_row_unchanged()
    {
        await using var storage = await PostgresGrainStorage.CreateAsync(PostgresServer.ConnectionString);
        var id = new GrainId("StatefulGrain", Guid.NewGuid().ToString("N"));
        var first = await storage.WriteAsync(id, "note", Json("""{"Text":"a"}"""), null, default);
        var second = await storage.WriteAsync(id, "note", Json("""{"Text":"b"}"""), first, default);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(id, "note", Json("""{"Text":"stale"}"""), first, default));
        Assert.Equal(second, e.CurrentEtag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(id, "note", Json("""{"Text":"dup"}"""), null, default));

        var stored = await storage.ReadAsync(id, "note", default);
        Assert.Equal(second, stored!.Etag);
        Assert.Contains("\"b\"", Encoding.UTF8.GetString(stored.Payload));
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_cannot_overwrite_the_state_written_after_it()
    {
        await using var storage = await PostgresGrainStorage.CreateAsync(PostgresServer.ConnectionString);
        var id = new GrainId("StatefulGrain", Guid.NewGuid().ToString("N"));
        var old = await storage.WriteAsync(id, "note", Json("""{"Text":"old"}"""), null, default);
        await storage.ClearAsync(id, "note", old, default);
        Assert.Null(await storage.ReadAsync(id, "note", default));
        var fresh = await storage.WriteAsync(id, "note", Json("""{"Text":"fresh"}"""), null, default);

        Assert.NotEqual(old, fresh);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(id, "note", Json("""{"Text":"zombie"}"""), old, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(id, "note", old, default));
    }

    private static byte[] Json(string s) => Encoding.UTF8.GetBytes(s);
}

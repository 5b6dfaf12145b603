using Cluster.Grains.ActorCore;
using Cluster.Silo.Storage;
using Cluster.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace Cluster.Tests.Integration;

/// <summary>Grain state on PostgreSQL through Orleans' ADO.NET provider, our schema script and our JSON.</summary>
public sealed class PostgresStorageTests : IAsyncLifetime
{
    private readonly string _serviceId = "storage-" + Guid.NewGuid().ToString("N");
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Cluster:Storage:Provider"] = "PostgreSQL",
        ["Cluster:Storage:ConnectionString"] = PostgresServer.ConnectionString,
        ["Cluster:ServiceId"] = _serviceId,
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_stale_etag_write_throws_and_leaves_the_stored_state_unchanged()
    {
        var storage = Storage();
        var id = GrainId.Create("tests.note", Guid.NewGuid().ToString("N"));
        var first = await WriteAsync(storage, id, "a", null);
        var second = await WriteAsync(storage, id, "b", first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage, id, "stale", first));
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage, id, "second first write", null));

        var stored = await ReadAsync(storage, id);
        Assert.Equal(second, stored.ETag);
        Assert.Equal("b", stored.State!.Text);
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_cannot_overwrite_what_was_written_after_it()
    {
        var storage = Storage();
        var id = GrainId.Create("tests.note", Guid.NewGuid().ToString("N"));
        var old = await WriteAsync(storage, id, "old", null);
        var clearing = new GrainState<Note>(new Note { Text = "old" }, old);
        await storage.ClearStateAsync("note", id, clearing);
        Assert.False((await ReadAsync(storage, id)).RecordExists);

        var fresh = await WriteAsync(storage, id, "fresh", clearing.ETag);

        Assert.NotEqual(old, fresh);
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage, id, "zombie", old));
        Assert.Equal("fresh", (await ReadAsync(storage, id)).State!.Text);
    }

    [Fact]
    public async Task Grains_of_different_types_with_the_same_key_keep_separate_state()
    {
        var storage = Storage();
        var key = Guid.NewGuid().ToString("N");

        await WriteAsync(storage, GrainId.Create("tests.note", key), "note", null);
        await WriteAsync(storage, GrainId.Create("tests.other", key), "other", null);

        Assert.Equal("note", (await ReadAsync(storage, GrainId.Create("tests.note", key))).State!.Text);
        Assert.Equal("other", (await ReadAsync(storage, GrainId.Create("tests.other", key))).State!.Text);
    }

    [Fact]
    public async Task Actor_state_is_stored_as_plain_json_of_our_types_without_type_names()
    {
        var actor = _cluster.GrainFactory.GetGrain<GrainInterfaces.ActorCore.IActorGrain>("stored-as-json");
        await actor.PutAsync(new GrainInterfaces.ActorCore.ActorProfile { Name = "Aria", Race = "human", Lifespan = 80, Age = 30 });

        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT payload::text FROM orleans_grain_state WHERE service_id = @service", connection);
        select.Parameters.AddWithValue("service", _serviceId);
        var payload = (string?)await select.ExecuteScalarAsync();

        Assert.NotNull(payload);
        Assert.Contains("\"name\":\"Aria\"", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("$type", payload, StringComparison.Ordinal);
        Assert.DoesNotContain(typeof(ActorState).Assembly.GetName().Name!, payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_script_can_be_applied_again_by_several_silos_at_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresSchema.ApplyAsync(PostgresServer.ConnectionString)));

        var storage = Storage();
        var id = GrainId.Create("tests.note", Guid.NewGuid().ToString("N"));
        await WriteAsync(storage, id, "after the script ran again", null);
        Assert.Equal("after the script ran again", (await ReadAsync(storage, id)).State!.Text);
    }

    private IGrainStorage Storage() =>
        _cluster.GetSiloServiceProvider(_cluster.Primary!.SiloAddress).GetRequiredKeyedService<IGrainStorage>(Grains.GrainStorageNames.Actors);

    private static async Task<string?> WriteAsync(IGrainStorage storage, GrainId id, string text, string? etag)
    {
        var state = new GrainState<Note>(new Note { Text = text }, etag);
        await storage.WriteStateAsync("note", id, state);
        return state.ETag;
    }

    private static async Task<GrainState<Note>> ReadAsync(IGrainStorage storage, GrainId id)
    {
        var state = new GrainState<Note>();
        await storage.ReadStateAsync("note", id, state);
        return state;
    }

    public sealed class Note
    {
        public string Text { get; set; } = "";
    }
}

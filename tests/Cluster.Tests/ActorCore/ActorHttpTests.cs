using System.Net;
using System.Text;
using System.Text.Json;
using Cluster.GrainInterfaces.ActorCore;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Cluster.Tests.Gateway;
using Xunit;

namespace Cluster.Tests.ActorCore;

public sealed class ActorHttpTests
{
    private const string Aria = """{"name": "Aria", "race": "human", "lifespan": 80, "age": 30}""";

    private const string Items = """
        {
          "primary": [{"dimension": "strength", "bucket": "FLAT", "value": 40, "system": "items"}],
          "derived": [{"dimension": "crit_rate", "bucket": "FLAT", "value": 0.1, "system": "items"}],
          "caps": [{"system": "items", "dimension": "strength", "mode": "HARD_MAX", "kind": "max", "value": 30}],
          "context": {"combat": {"additive_percent": 0.5, "multipliers": [2], "post_add": 1}},
          "meta": {"system": "items"}
        }
        """;

    [Fact]
    public async Task An_actor_is_created_read_given_a_subsystem_and_resolved()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();

        var created = await (await http.PutJsonAsync("/api/v1/actors/aria", Aria)).JsonAsync(HttpStatusCode.Created);
        var version = await (await http.PutJsonAsync("/api/v1/actors/aria/subsystems/items", Items)).JsonAsync();
        var actor = await (await http.GetAsync("/api/v1/actors/aria")).JsonAsync();
        var snapshot = await (await http.GetAsync("/api/v1/actors/aria/snapshot")).JsonAsync();

        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.Equal(2, version.GetProperty("version").GetInt64());
        Assert.Equal("Aria", actor.GetProperty("name").GetString());
        Assert.Equal("human", actor.GetProperty("race").GetString());
        Assert.Equal(80, actor.GetProperty("lifespan").GetDouble());
        Assert.Equal(30, actor.GetProperty("age").GetDouble());
        Assert.Equal(2, actor.GetProperty("version").GetInt64());
        Assert.True(actor.GetProperty("updatedAt").GetDateTimeOffset() >= actor.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal("aria", snapshot.GetProperty("actorId").GetString());
        Assert.Equal(2, snapshot.GetProperty("version").GetInt64());
        Assert.Equal(0, snapshot.GetProperty("registryVersion").GetInt64());
        Assert.Equal(30, snapshot.GetProperty("primary").GetProperty("strength").GetDouble());
        Assert.Equal(0.1, snapshot.GetProperty("derived").GetProperty("crit_rate").GetDouble());
        Assert.Equal(80, snapshot.GetProperty("primary").GetProperty("lifespan_years").GetDouble());
        var strengthRange = snapshot.GetProperty("capsUsed").GetProperty("strength");
        Assert.Equal(0, strengthRange.GetProperty("min").GetDouble());
        Assert.Equal(30, strengthRange.GetProperty("max").GetDouble());
    }

    [Fact]
    public async Task A_second_put_updates_the_profile_and_answers_200()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        await http.PutJsonAsync("/api/v1/actors/aria", Aria);

        var updated = await (await http.PutJsonAsync("/api/v1/actors/aria", """{"name": "Aria the Old", "race": "human", "lifespan": 80, "age": 70}""")).JsonAsync();

        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("Aria the Old", updated.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"race": "human", "lifespan": 80, "age": 30}""", "name")]
    [InlineData("""{"name": "", "race": "human", "lifespan": 80, "age": 30}""", "name")]
    [InlineData("""{"name": "Aria", "race": "human", "lifespan": -1, "age": 30}""", "lifespan")]
    [InlineData("""{"name": "Aria", "race": "human", "lifespan": "80", "age": 30}""", "lifespan")]
    [InlineData("""{"name": "Aria", "race": "human", "lifespan": 80, "age": -0.5}""", "age")]
    [InlineData("""{"name": "Aria", "race": "human", "lifespan": 80}""", "age")]
    [InlineData("""{"name": "Aria", "race": 7, "lifespan": 80, "age": 30}""", "race")]
    [InlineData("""{"name": "Aria", "race": "human", "lifespan": 80, "age": 30, "level": 3}""", "level")]
    [InlineData("""[]""", "$")]
    public async Task A_bad_profile_is_a_400_naming_the_field_and_leaves_the_actor_unchanged(string body, string field)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var before = await (await http.PutJsonAsync("/api/v1/actors/aria", Aria)).JsonAsync(HttpStatusCode.Created);

        await (await http.PutJsonAsync("/api/v1/actors/aria", body)).AssertInvalidAsync(field);

        var after = await (await http.GetAsync("/api/v1/actors/aria")).JsonAsync();
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Theory]
    [InlineData("bad%20id")]
    [InlineData("a%2Fb")]
    [InlineData("%C3%A9t%C3%A9")]
    public async Task An_id_outside_the_allowed_characters_is_a_400_naming_id(string id)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();

        await (await http.PutJsonAsync($"/api/v1/actors/{id}", Aria)).AssertInvalidAsync("id");
        await (await http.GetAsync($"/api/v1/actors/{id}/snapshot")).AssertInvalidAsync("id");
    }

    [Fact]
    public async Task An_id_longer_than_128_characters_is_a_400_naming_id()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();

        await (await http.PutJsonAsync($"/api/v1/actors/{new string('a', 129)}", Aria)).AssertInvalidAsync("id");
        Assert.Equal(HttpStatusCode.Created, (await http.PutJsonAsync($"/api/v1/actors/{new string('a', 128)}", Aria)).StatusCode);
    }

    [Theory]
    [InlineData("""{"primary": [{"dimension": "Strength", "bucket": "FLAT", "value": 1, "system": "items"}], "derived": [], "caps": [], "meta": {"system": "items"}}""", "primary[0].dimension")]
    [InlineData("""{"primary": [{"dimension": "strength", "bucket": "flat", "value": 1, "system": "items"}], "derived": [], "caps": [], "meta": {"system": "items"}}""", "primary[0].bucket")]
    [InlineData("""{"primary": [{"dimension": "strength", "bucket": "MULT", "value": -1.5, "system": "items"}], "derived": [], "caps": [], "meta": {"system": "items"}}""", "primary[0].value")]
    [InlineData("""{"primary": [], "derived": [], "caps": [{"system": "items", "dimension": "strength", "mode": "BASELINE", "kind": "max", "value": 1, "scope": "GUILD"}], "meta": {"system": "items"}}""", "caps[0].scope")]
    [InlineData("""{"primary": [], "derived": [], "caps": [{"system": "items", "dimension": "strength", "mode": "BASELINE", "kind": "max", "value": 1, "scope": "REALM"}], "meta": {"system": "items"}}""", "caps[0].realm")]
    [InlineData("""{"primary": [], "derived": [], "caps": [], "meta": {"system": "gear"}}""", "meta.system")]
    [InlineData("""{"primary": [], "derived": [], "caps": [], "meta": {"system": "items"}, "extra": 1}""", "extra")]
    [InlineData("""{"derived": [], "caps": [], "meta": {"system": "items"}}""", "$")]
    public async Task A_bad_subsystem_output_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        await http.PutJsonAsync("/api/v1/actors/aria", Aria);
        await http.PutJsonAsync("/api/v1/actors/aria/subsystems/items", Items);
        var before = await (await http.GetAsync("/api/v1/actors/aria/snapshot")).JsonAsync();

        await (await http.PutJsonAsync("/api/v1/actors/aria/subsystems/items", body)).AssertInvalidAsync(field);

        var after = await (await http.GetAsync("/api/v1/actors/aria/snapshot")).JsonAsync();
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task A_subsystem_output_without_meta_takes_its_system_from_the_url()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        await http.PutJsonAsync("/api/v1/actors/aria", Aria);

        var response = await http.PutJsonAsync("/api/v1/actors/aria/subsystems/talent",
            """{"primary": [{"dimension": "spirit", "bucket": "FLAT", "value": 12, "system": "talent"}], "derived": [], "caps": []}""");
        var snapshot = await (await http.GetAsync("/api/v1/actors/aria/snapshot")).JsonAsync();

        Assert.Equal(2, (await response.JsonAsync()).GetProperty("version").GetInt64());
        Assert.Equal(12, snapshot.GetProperty("primary").GetProperty("spirit").GetDouble());
    }

    [Fact]
    public async Task Deleting_a_subsystem_answers_the_new_version()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        await http.PutJsonAsync("/api/v1/actors/aria", Aria);
        await http.PutJsonAsync("/api/v1/actors/aria/subsystems/items", Items);

        var deleted = await (await http.DeleteAsync("/api/v1/actors/aria/subsystems/items")).JsonAsync();
        var snapshot = await (await http.GetAsync("/api/v1/actors/aria/snapshot")).JsonAsync();

        Assert.Equal(3, deleted.GetProperty("version").GetInt64());
        Assert.False(snapshot.GetProperty("derived").TryGetProperty("crit_rate", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("/api/v1/actors/aria/subsystems/items")).StatusCode);
    }

    [Fact]
    public async Task Missing_actors_are_404_and_a_deleted_actor_is_missing()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/actors/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/actors/nobody/snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PutJsonAsync("/api/v1/actors/nobody/subsystems/items", Items)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostJsonAsync("/api/v1/actors/nobody/contexts/combat/apply", """{"baseValue": 1}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("/api/v1/actors/nobody")).StatusCode);

        await http.PutJsonAsync("/api/v1/actors/aria", Aria);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/v1/actors/aria")).StatusCode);
        var problem = await http.GetAsync("/api/v1/actors/aria");
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_batch_answers_snapshots_in_request_order_with_null_for_missing_actors()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        string[] ids = ["c", "a", "missing", "b", "a"];
        foreach (var (id, lifespan) in new[] { ("a", 10), ("b", 20), ("c", 30) })
        {
            await http.PutJsonAsync($"/api/v1/actors/{id}", $$"""{"name": "{{id}}", "race": "elf", "lifespan": {{lifespan}}, "age": 1}""");
        }

        var batch = await (await http.PostJsonAsync("/api/v1/actors/snapshots/batch", JsonSerializer.Serialize(new { actorIds = ids }))).JsonAsync();

        var snapshots = batch.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.Equal(ids.Length, snapshots.Count);
        Assert.Equal(JsonValueKind.Null, snapshots[2].ValueKind);
        Assert.Equal(["c", "a", "b", "a"], snapshots.Where(s => s.ValueKind != JsonValueKind.Null).Select(s => s.GetProperty("actorId").GetString()));
        Assert.Equal(30, snapshots[0].GetProperty("primary").GetProperty("lifespan_years").GetDouble());
        Assert.Equal(20, snapshots[3].GetProperty("primary").GetProperty("lifespan_years").GetDouble());
    }

    [Theory]
    [InlineData(0, "actorIds")]
    [InlineData(1_001, "actorIds")]
    public async Task A_batch_needs_1_to_1000_ids(int count, string field)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var ids = Enumerable.Range(0, count).Select(i => $"actor-{i}").ToArray();

        await (await http.PostJsonAsync("/api/v1/actors/snapshots/batch", JsonSerializer.Serialize(new { actorIds = ids }))).AssertInvalidAsync(field);
    }

    [Fact]
    public async Task A_batch_of_1000_ids_is_accepted_and_bad_ids_are_named_by_index()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var ids = Enumerable.Range(0, 1_000).Select(i => $"actor-{i}").ToArray();

        var full = await (await http.PostJsonAsync("/api/v1/actors/snapshots/batch", JsonSerializer.Serialize(new { actorIds = ids }))).JsonAsync();
        var bad = await http.PostJsonAsync("/api/v1/actors/snapshots/batch", """{"actorIds": ["ok", "also-ok", "not ok"]}""");
        var missing = await http.PostJsonAsync("/api/v1/actors/snapshots/batch", "{}");

        Assert.Equal(1_000, full.GetProperty("snapshots").GetArrayLength());
        await bad.AssertInvalidAsync("actorIds[2]");
        await missing.AssertInvalidAsync("actorIds");
    }

    [Fact]
    public async Task Applying_a_context_combines_the_modifier_packs()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        await http.PutJsonAsync("/api/v1/actors/aria", Aria);
        await http.PutJsonAsync("/api/v1/actors/aria/subsystems/items", Items);

        var applied = await (await http.PostJsonAsync("/api/v1/actors/aria/contexts/combat/apply", """{"baseValue": 10}""")).JsonAsync();
        var missing = await http.PostJsonAsync("/api/v1/actors/aria/contexts/combat/apply", "{}");
        var badContext = await http.PostJsonAsync("/api/v1/actors/aria/contexts/no%20spaces/apply", """{"baseValue": 10}""");

        Assert.Equal((10 * 1.5 * 2) + 1, applied.GetProperty("value").GetDouble(), 9);
        await missing.AssertInvalidAsync("baseValue");
        await badContext.AssertInvalidAsync("context");
    }

    [Fact]
    public async Task A_snapshot_is_answered_as_the_gateways_serialiser_writes_it_and_follows_every_change()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var serializer = gateway.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var actor = gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IActorGrain>("aria");
        await (await http.PutJsonAsync("/api/v1/actors/aria", Aria)).JsonAsync(HttpStatusCode.Created);
        await (await http.PutJsonAsync("/api/v1/actors/aria/subsystems/items", Items)).JsonAsync();

        using var first = await http.GetAsync("/api/v1/actors/aria/snapshot");
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        var firstExpected = JsonSerializer.SerializeToUtf8Bytes(await actor.GetSnapshotAsync(), serializer);
        await (await http.PutJsonAsync("/api/v1/actors/aria/subsystems/items", Items.Replace("\"value\": 40", "\"value\": 20"))).JsonAsync();
        var changedBytes = await http.GetByteArrayAsync("/api/v1/actors/aria/snapshot");
        var changedExpected = JsonSerializer.SerializeToUtf8Bytes(await actor.GetSnapshotAsync(), serializer);
        using var changed = JsonDocument.Parse(changedBytes);

        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.Equal(Encoding.UTF8.GetString(firstExpected), Encoding.UTF8.GetString(firstBytes));
        Assert.Equal(Encoding.UTF8.GetString(changedExpected), Encoding.UTF8.GetString(changedBytes));
        Assert.Equal(3, changed.RootElement.GetProperty("version").GetInt64());
        Assert.NotEqual(Encoding.UTF8.GetString(firstBytes), Encoding.UTF8.GetString(changedBytes));
    }
}

using System.Net;
using Cluster.Tests.Gateway;
using Xunit;

namespace Cluster.Tests.ActorCore;

/// <summary>Replacing the registry: never emptied, answered with what changed, and previewable against a stored actor first.</summary>
public sealed class RegistryChangeTests
{
    private const string Boots = """{"primary": [{"dimension": "move_speed", "bucket": "FLAT", "value": 9, "system": "boots"}], "derived": [], "caps": [], "meta": {"system": "boots"}}""";

    [Fact]
    public async Task A_registry_without_dimensions_is_a_400_and_every_dimension_keeps_its_clamp()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var admin = gateway.Admin();
        var before = await (await admin.GetAsync("/api/v1/actor-core/registry")).JsonAsync();

        await (await admin.PutJsonAsync("/api/v1/actor-core/registry", """{"dimensions": {}}""")).AssertInvalidAsync("dimensions");

        var after = await (await admin.GetAsync("/api/v1/actor-core/registry")).JsonAsync();
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task A_registry_put_answers_the_new_version_and_the_dimensions_added_removed_and_changed()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var admin = gateway.Admin();
        await admin.PutJsonAsync("/api/v1/actor-core/registry",
            """{"dimensions": {"strength": {"use_pipeline": true, "clamp_default": {"min": 0, "max": 10}}, "agility": {"use_pipeline": true, "clamp_default": {"min": 0, "max": 10}}}}""");

        var put = await (await admin.PutJsonAsync("/api/v1/actor-core/registry",
            """{"dimensions": {"strength": {"use_pipeline": true, "clamp_default": {"min": 0, "max": 20}}, "move_speed": {"use_pipeline": true, "clamp_default": {"min": 0, "max": 5}}}}""")).JsonAsync();

        var changes = put.GetProperty("changes");
        Assert.Equal(2, put.GetProperty("version").GetInt64());
        Assert.Equal(1, changes.GetProperty("since").GetInt64());
        Assert.Equal(["move_speed"], changes.GetProperty("added").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["agility"], changes.GetProperty("removed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["strength"], changes.GetProperty("changed").EnumerateArray().Select(e => e.GetString()));
        Assert.False(changes.GetProperty("capLayersChanged").GetBoolean());
    }

    [Fact]
    public async Task A_dry_run_previews_a_candidate_registry_against_a_stored_actor_and_stores_nothing()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        await http.PutJsonAsync("/api/v1/actors/runner", """{"name": "Runner", "race": "elf", "lifespan": 0, "age": 1}""");
        await http.PutJsonAsync("/api/v1/actors/runner/subsystems/boots", Boots);

        var preview = await (await http.PostJsonAsync("/api/v1/actor-core/resolve",
            """{"registry": {"dimensions": {"move_speed": {"use_pipeline": true, "clamp_default": {"min": 0, "max": 5}}}}, "actorId": "runner"}""")).JsonAsync();
        var stored = await (await http.GetAsync("/api/v1/actors/runner/snapshot")).JsonAsync();
        var missing = await http.PostJsonAsync("/api/v1/actor-core/resolve", """{"actorId": "nobody"}""");
        var both = await http.PostJsonAsync("/api/v1/actor-core/resolve", """{"actorId": "runner", "outputs": []}""");

        Assert.Equal(5, preview.GetProperty("primary").GetProperty("move_speed").GetDouble());
        Assert.Equal(9, stored.GetProperty("primary").GetProperty("move_speed").GetDouble());
        Assert.Equal(0, stored.GetProperty("registryVersion").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await both.AssertInvalidAsync("actorId");
    }
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Cluster.Tests.Gateway;
using Xunit;

namespace Cluster.Tests.ActorCore;

public sealed class ActorCoreHttpTests
{
    private const string MoveSpeedUpTo5 = """{"dimensions": {"move_speed": {"use_pipeline": true, "clamp_default": {"min": 0, "max": 5}}}}""";

    public static TheoryData<string> GoldenCases => new(SharedActorCoreData.GoldenCases);

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public async Task Golden_vector_resolves_through_the_dry_run_endpoint(string name)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var dir = Path.Combine(SharedActorCoreData.GoldenDirectory, name);
        var body = new JsonObject
        {
            ["registry"] = ExampleRegistry(),
            ["outputs"] = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "subsystems.json"))),
        };
        var caseLayers = Path.Combine(dir, "cap_layer_registry.json");
        if (File.Exists(caseLayers))
        {
            body["capLayers"] = JsonNode.Parse(await File.ReadAllTextAsync(caseLayers));
        }

        var resolved = await (await http.PostJsonAsync("/api/v1/actor-core/resolve", body.ToJsonString())).JsonAsync();

        var expected = JsonSerializer.Deserialize<Snapshot>(await File.ReadAllTextAsync(Path.Combine(dir, "expected.json")), ActorCoreJson.Options)!;
        SnapshotAssert.Close(expected, expected with
        {
            Primary = resolved.GetProperty("primary").Deserialize<Dictionary<string, double>>()!,
            Derived = resolved.GetProperty("derived").Deserialize<Dictionary<string, double>>()!,
            CapsUsed = resolved.GetProperty("capsUsed").Deserialize<Dictionary<string, CapRange>>(JsonSerializerOptions.Web)!,
        });
    }

    [Fact]
    public async Task A_dry_run_without_registries_uses_the_current_ones_and_stores_nothing()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        const string body = """{"outputs": [{"primary": [{"dimension": "move_speed", "bucket": "FLAT", "value": 9, "system": "boots"}], "derived": [], "caps": [], "meta": {"system": "boots"}}]}""";

        var before = await (await http.PostJsonAsync("/api/v1/actor-core/resolve", body)).JsonAsync();
        await gateway.Admin().PutJsonAsync("/api/v1/actor-core/registry", MoveSpeedUpTo5);
        var after = await (await http.PostJsonAsync("/api/v1/actor-core/resolve", body)).JsonAsync();

        Assert.Equal(9, before.GetProperty("primary").GetProperty("move_speed").GetDouble());
        Assert.Equal(5, after.GetProperty("primary").GetProperty("move_speed").GetDouble());
        Assert.Equal(["capsUsed", "derived", "primary"], after.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await (await http.GetAsync("/api/v1/actor-core/registry")).JsonAsync()).GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("""{"outputs": [{"primary": [{"dimension": "x", "bucket": "SUM", "value": 1, "system": "s"}], "derived": [], "caps": [], "meta": {"system": "s"}}]}""", "outputs[0].primary[0].bucket")]
    [InlineData("""{"outputs": [{"primary": [], "derived": [], "caps": [], "meta": {"system": "s"}}, {"primary": [{"dimension": "9x", "bucket": "FLAT", "value": 1, "system": "s"}], "derived": [], "caps": [], "meta": {"system": "s"}}]}""", "outputs[1].primary[0].dimension")]
    [InlineData("""{"registry": {"dimensions": {"x": {"use_pipeline": false, "clamp_default": {"min": 0, "max": 1}}}}, "outputs": []}""", "registry.dimensions.x.operator")]
    [InlineData("""{"registry": {"dimensions": {"x": {"use_pipeline": "yes", "clamp_default": {"min": 0, "max": 1}}}}, "outputs": []}""", "registry.dimensions.x.use_pipeline")]
    [InlineData("""{"capLayers": {"order": ["TOTAL", "TOTAL"], "across_policy": "INTERSECT"}, "outputs": []}""", "capLayers.order[1]")]
    [InlineData("""{"capLayers": {"order": ["TOTAL"], "across_policy": "UNION"}, "outputs": []}""", "capLayers.across_policy")]
    [InlineData("""{"registry": {"dimensions": {}}}""", "outputs")]
    [InlineData("""{"outputs": [], "dryRun": true}""", "dryRun")]
    public async Task A_bad_dry_run_is_a_400_naming_the_field(string body, string field)
    {
        await using var gateway = await GatewayHost.StartAsync();

        await (await gateway.Client().PostJsonAsync("/api/v1/actor-core/resolve", body)).AssertInvalidAsync(field);
    }

    [Fact]
    public async Task Only_the_admin_key_may_replace_the_registry()
    {
        await using var gateway = await GatewayHost.StartAsync();

        var forbidden = await gateway.Client().PutJsonAsync("/api/v1/actor-core/registry", MoveSpeedUpTo5);
        var current = await (await gateway.Client().GetAsync("/api/v1/actor-core/registry")).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(0, current.GetProperty("version").GetInt64());
        Assert.Equal(9, current.GetProperty("dimensions").EnumerateObject().Count());
    }

    [Fact]
    public async Task A_registry_put_is_versioned_round_trips_and_changes_every_snapshot()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        using var admin = gateway.Admin();
        await http.PutJsonAsync("/api/v1/actors/runner", """{"name": "Runner", "race": "elf", "lifespan": 0, "age": 1}""");
        await http.PutJsonAsync("/api/v1/actors/runner/subsystems/boots",
            """{"primary": [{"dimension": "move_speed", "bucket": "FLAT", "value": 9, "system": "boots"}], "derived": [], "caps": [], "meta": {"system": "boots"}}""");
        var before = await (await http.GetAsync("/api/v1/actors/runner/snapshot")).JsonAsync();

        var put = await (await admin.PutJsonAsync("/api/v1/actor-core/registry",
            """{"dimensions": {"move_speed": {"use_pipeline": true, "clamp_default": {"min": 0, "max": 5}}}, "capLayers": {"order": ["WORLD", "TOTAL"], "across_policy": "PRIORITIZED_OVERRIDE"}, "expectedVersion": 0}""")).JsonAsync();
        var got = await (await http.GetAsync("/api/v1/actor-core/registry")).JsonAsync();
        var after = await (await http.GetAsync("/api/v1/actors/runner/snapshot")).JsonAsync();

        Assert.Equal(0, before.GetProperty("registryVersion").GetInt64());
        Assert.Equal(9, before.GetProperty("primary").GetProperty("move_speed").GetDouble());
        Assert.Equal(1, put.GetProperty("version").GetInt64());
        Assert.Equal(got.GetProperty("dimensions").GetRawText(), put.GetProperty("dimensions").GetRawText());
        Assert.Equal(got.GetProperty("capLayers").GetRawText(), put.GetProperty("capLayers").GetRawText());
        Assert.True(got.GetProperty("dimensions").GetProperty("move_speed").GetProperty("use_pipeline").GetBoolean());
        Assert.Equal("PRIORITIZED_OVERRIDE", got.GetProperty("capLayers").GetProperty("across_policy").GetString());
        Assert.Equal(1, after.GetProperty("registryVersion").GetInt64());
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(5, after.GetProperty("primary").GetProperty("move_speed").GetDouble());
    }

    [Theory]
    [InlineData("""{"dimensions": {"strength": {"use_pipeline": true, "clamp_default": {"min": 9, "max": 1}}}}""", "dimensions.strength.clamp_default")]
    [InlineData("""{"dimensions": {"Strength": {"use_pipeline": true, "clamp_default": {"min": 0, "max": 1}}}}""", "dimensions.Strength")]
    [InlineData("""{"dimensions": {"strength": {"use_pipeline": true}}}""", "dimensions.strength")]
    [InlineData("""{"dimensions": {"strength": {"use_pipeline": false, "operator": "AVG", "clamp_default": {"min": 0, "max": 1}}}}""", "dimensions.strength.operator")]
    [InlineData("""{"capLayers": {"order": ["TOTAL"], "across_policy": "INTERSECT"}}""", "dimensions")]
    [InlineData("""{"dimensions": {}, "capLayers": {"order": [], "across_policy": "INTERSECT"}}""", "capLayers.order")]
    [InlineData("""{"dimensions": {}, "expectedVersion": -1}""", "expectedVersion")]
    [InlineData("""{"dimensions": {}, "version": 3}""", "version")]
    public async Task A_bad_registry_put_is_a_400_naming_the_field_and_keeps_the_current_registry(string body, string field)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var admin = gateway.Admin();
        var before = await (await admin.GetAsync("/api/v1/actor-core/registry")).JsonAsync();

        await (await admin.PutJsonAsync("/api/v1/actor-core/registry", body)).AssertInvalidAsync(field);

        Assert.Equal(before.GetRawText(), (await (await admin.GetAsync("/api/v1/actor-core/registry")).JsonAsync()).GetRawText());
    }

    [Fact]
    public async Task A_registry_put_against_an_outdated_version_is_a_409()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var admin = gateway.Admin();
        await admin.PutJsonAsync("/api/v1/actor-core/registry", MoveSpeedUpTo5);

        var conflict = await admin.PutJsonAsync("/api/v1/actor-core/registry", """{"dimensions": {}, "expectedVersion": 0}""");

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(1, (await (await admin.GetAsync("/api/v1/actor-core/registry")).JsonAsync()).GetProperty("version").GetInt64());
    }

    /// <summary>registry.example.yml as the dry-run endpoint takes it: {dimensions} in the schema's snake_case.</summary>
    private static JsonNode ExampleRegistry() => new JsonObject
    {
        ["dimensions"] = JsonSerializer.SerializeToNode(
            CombinerRegistry.FromFile(SharedActorCoreData.CombinerRegistryFile).ToDocument().Dimensions,
            ActorCoreJson.Options),
    };
}

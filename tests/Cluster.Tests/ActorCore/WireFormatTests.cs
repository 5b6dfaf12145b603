using System.Text.Json;
using System.Text.Json.Nodes;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;
using static Cluster.Tests.ActorCore.TestOutputs;

namespace Cluster.Tests.ActorCore;

public sealed class WireFormatTests
{
    private static readonly Snapshot Sample = Aggregator.Resolve(
        [Output(primary: [Stat("strength", Bucket.Flat, 500)], caps: [Cap("strength", CapMode.HardMax, CapKind.Max, 700)])],
        CombinerRegistry.FromFile(SharedActorCoreData.CombinerRegistryFile),
        CapLayerRegistry.Default);

    [Fact]
    public void Snapshot_is_written_in_the_pascal_case_of_its_schema()
    {
        var json = JsonSerializer.Serialize(Sample, ActorCoreJson.Options);

        Assert.Equal("""{"Primary":{"strength":500},"Derived":{},"CapsUsed":{"strength":{"Min":0,"Max":700}},"Version":1}""", json);
    }

    [Fact]
    public void Snapshot_is_written_in_camel_case_with_web_defaults()
    {
        var json = JsonSerializer.Serialize(Sample, JsonSerializerOptions.Web);

        Assert.Equal("""{"primary":{"strength":500},"derived":{},"capsUsed":{"strength":{"min":0,"max":700}},"version":1}""", json);
    }

    [Fact]
    public void Subsystem_output_round_trips_in_snake_case_with_schema_enum_spellings()
    {
        var output = Output(
            "talent",
            primary: [Stat("crit_rate", Bucket.PostAdd, 0.05, "talent", 2)],
            caps: [Cap("crit_rate", CapMode.HardMin, CapKind.Min, 0.01, CapLayers.Realm, realm: "kim_dan:T1")],
            context: new Dictionary<string, ModifierPack> { ["combat"] = new() { AdditivePercent = 0.1, Multipliers = [1.2], PostAdd = 3 } });

        var json = JsonSerializer.Serialize(output, ActorCoreJson.Options);
        var node = JsonNode.Parse(json)!;
        var back = ActorCoreJson.ReadOutput(json, CapLayerRegistry.Default);

        Assert.Equal("POST_ADD", (string?)node["primary"]![0]!["bucket"]);
        Assert.Equal("HARD_MIN", (string?)node["caps"]![0]!["mode"]);
        Assert.Equal("min", (string?)node["caps"]![0]!["kind"]);
        Assert.Equal(0.1, (double?)node["context"]!["combat"]!["additive_percent"]);
        Assert.Equal(output.Primary[0], back.Primary[0]);
        Assert.Equal("kim_dan:T1", back.Caps[0].Realm);
        Assert.Equal([1.2], back.Context["combat"].Multipliers);
        Assert.Equal(output.Meta, back.Meta);
    }

    [Fact]
    public void Expected_snapshot_files_read_back_into_snapshots()
    {
        var path = Path.Combine(SharedActorCoreData.GoldenDirectory, "case06_lifespan_operator_max", "expected.json");

        var snapshot = JsonSerializer.Deserialize<Snapshot>(File.ReadAllText(path), ActorCoreJson.Options)!;

        Assert.Equal(new CapRange(100, 500), snapshot.CapsUsed["lifespan_years"]);
        Assert.Equal(1, snapshot.Version);
    }
}

using System.Text.Json;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;

namespace Cluster.Tests.ActorCore;

public sealed class GoldenVectorTests
{
    public static TheoryData<string> Cases => new(SharedActorCoreData.GoldenCases);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden_vector_resolves_to_its_expected_snapshot(string name)
    {
        var dir = Path.Combine(SharedActorCoreData.GoldenDirectory, name);
        var combiner = CombinerRegistry.FromFile(SharedActorCoreData.CombinerRegistryFile);
        var caseLayers = Path.Combine(dir, "cap_layer_registry.json");
        var layers = File.Exists(caseLayers)
            ? CapLayerRegistry.FromFile(caseLayers)
            : CapLayerRegistry.FromFile(SharedActorCoreData.CapLayerRegistryFile);
        var outputs = ActorCoreJson.ReadOutputs(File.ReadAllText(Path.Combine(dir, "subsystems.json")), layers);
        var expected = JsonSerializer.Deserialize<Snapshot>(File.ReadAllText(Path.Combine(dir, "expected.json")), ActorCoreJson.Options)!;

        var actual = Aggregator.Resolve(outputs, combiner, layers);

        SnapshotAssert.Close(expected, actual);
    }

    [Theory]
    [InlineData("case01_total_cap_sum")]
    [InlineData("case02_realm_world_total")]
    [InlineData("case03_override_priority")]
    [InlineData("case04_mult_stacking")]
    [InlineData("case06_lifespan_operator_max")]
    [InlineData("case09_prioritized_override")]
    public void Golden_vector_folder_holds_the_known_case(string name) =>
        Assert.Contains(name, SharedActorCoreData.GoldenCases);

    [Fact]
    public void Example_cap_layer_registry_is_the_default()
    {
        var example = CapLayerRegistry.FromFile(SharedActorCoreData.CapLayerRegistryFile);

        Assert.Equal(CapLayerRegistry.Default.Order, example.Order);
        Assert.Equal(CapLayerRegistry.Default.AcrossPolicy, example.AcrossPolicy);
    }
}

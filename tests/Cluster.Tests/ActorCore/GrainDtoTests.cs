using System.Text.Json;
using Cluster.GrainInterfaces.ActorCore;
using System.Reflection;
using Cluster.Silo.Storage;
using Xunit;
using static Cluster.Tests.ActorCore.TestOutputs;

namespace Cluster.Tests.ActorCore;

public sealed class GrainDtoTests
{
    [Theory]
    [InlineData(typeof(Snapshot))]
    [InlineData(typeof(ActorSnapshot))]
    [InlineData(typeof(SubsystemOutput))]
    [InlineData(typeof(Contribution))]
    [InlineData(typeof(CapContribution))]
    [InlineData(typeof(ModifierPack))]
    [InlineData(typeof(SubsystemMeta))]
    [InlineData(typeof(CapRange))]
    [InlineData(typeof(DimensionMap<double>))]
    [InlineData(typeof(DimensionMap<CapRange>))]
    [InlineData(typeof(ActorRecord))]
    [InlineData(typeof(ActorProfile))]
    [InlineData(typeof(RegistryRevision))]
    [InlineData(typeof(CombinerRegistryDocument))]
    [InlineData(typeof(CapLayerRegistryDocument))]
    [InlineData(typeof(MergeRule))]
    [InlineData(typeof(ResolveRequest))]
    public void Grain_call_records_are_shared_without_a_copy(Type type) =>
        Assert.True(type.GetCustomAttribute<Orleans.ImmutableAttribute>() is not null, $"{type.Name} would be deep-copied on every grain call");

    [Fact]
    public void A_subsystem_output_survives_the_json_round_trip_used_for_stored_state()
    {
        var output = Output(
            primary: [Stat("strength", Bucket.Mult, 0.25, priority: 3)],
            derived: [Stat("crit_rate", Bucket.Override, 0.5)],
            caps: [Cap("strength", CapMode.HardMin, CapKind.Min, 2, CapLayers.Realm, realm: "r1")],
            context: new Dictionary<string, ModifierPack> { ["combat"] = new() { AdditivePercent = 0.1, Multipliers = [1.5, 2], PostAdd = 4 } });
        var storage = new JsonGrainStorageSerializer();

        var copy = storage.Deserialize<SubsystemOutput>(storage.Serialize(output))!;

        Assert.Equal(JsonSerializer.Serialize(output), JsonSerializer.Serialize(copy));
    }
}

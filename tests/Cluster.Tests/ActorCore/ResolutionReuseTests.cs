using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;
using static Cluster.Tests.ActorCore.TestOutputs;

namespace Cluster.Tests.ActorCore;

/// <summary>
/// A thread keeps dimension and system names, their order and their merge rules between resolutions; nothing of
/// one resolution may show in the next. Each test resolves on one thread, one resolution after another.
/// </summary>
public sealed class ResolutionReuseTests
{
    private static Snapshot Resolve(CombinerRegistry combiner, params SubsystemOutput[] outputs) =>
        Aggregator.Resolve(outputs, combiner, CapLayerRegistry.Default);

    [Fact]
    public void A_new_combiner_registry_applies_to_dimensions_resolved_under_the_previous_one()
    {
        var pipeline = CombinerRegistry.FromYaml("dimensions: { karma: { use_pipeline: true, clamp_default: { min: 0, max: 1000 } } }");
        var maximum = CombinerRegistry.FromYaml("dimensions: { karma: { use_pipeline: false, operator: MAX, clamp_default: { min: 0, max: 100 } } }");
        var output = Output(primary: [Stat("karma", Bucket.Flat, 40), Stat("karma", Bucket.Flat, 70, "race")]);

        Assert.Equal(110, Resolve(pipeline, output).Primary["karma"]);
        Assert.Equal(70, Resolve(maximum, output).Primary["karma"]);
        Assert.Equal(new CapRange(0, 100), Resolve(maximum, output).CapsUsed["karma"]);
        Assert.Equal(110, Resolve(pipeline, output).Primary["karma"]);
    }

    [Fact]
    public void A_system_first_seen_later_takes_its_ordinal_place_among_the_known_ones()
    {
        SubsystemOutput Overrides(params string[] systems) =>
            Output(primary: [.. systems.Select((system, i) => Stat("zeal", Bucket.Override, 10 * (i + 1), system, priority: 2))]);

        Assert.Equal(20, Resolve(BuiltInRegistry.Combiner, Overrides("tau", "sigma")).Primary["zeal"]);
        Assert.Equal(30, Resolve(BuiltInRegistry.Combiner, Overrides("tau", "sigma", "alpha")).Primary["zeal"]);
        Assert.Equal(20, Resolve(BuiltInRegistry.Combiner, Overrides("tau", "sigma", "zeta")).Primary["zeal"]);
        Assert.Equal(40, Resolve(BuiltInRegistry.Combiner, Overrides("tau", "sigma", "zeta", "rho")).Primary["zeal"]);
    }

    [Fact]
    public void Dimensions_of_an_earlier_resolution_do_not_show_in_a_later_one()
    {
        Resolve(BuiltInRegistry.Combiner, Output(primary: [Stat("alpha", Bucket.Flat, 1), Stat("beta", Bucket.Flat, 2)], caps: [Cap("gamma", CapMode.Baseline, CapKind.Max, 5)]));

        var later = Resolve(BuiltInRegistry.Combiner, Output(primary: [Stat("delta", Bucket.Flat, 4)]));

        Assert.Equal(["delta"], later.CapsUsed.Keys);
        Assert.Equal(["delta"], later.Primary.Keys);
        Assert.Empty(later.Derived);
    }

    [Fact]
    public void Resolving_far_more_distinct_names_than_a_thread_keeps_changes_no_snapshot()
    {
        var known = Output(
            primary: [Stat("strength", Bucket.Flat, 10), Stat("zeal", Bucket.Mult, 0.5, "talent"), Stat("zeal", Bucket.Flat, 3, "race")],
            caps: [Cap("strength", CapMode.HardMax, CapKind.Max, 8)]);
        var before = Resolve(BuiltInRegistry.Combiner, known);

        for (var i = 0; i < 3_000; i++)
        {
            var name = $"stat_{i}";
            var snapshot = Resolve(BuiltInRegistry.Combiner, Output(system: $"system_{i}", primary: [Stat(name, Bucket.Flat, i, $"system_{i}"), Stat("zeal", Bucket.Flat, 1, $"system_{i}")]));
            Assert.Equal([name, "zeal"], snapshot.Primary.Keys);
            Assert.Equal(i, snapshot.Primary[name]);
        }

        SnapshotAssert.Identical(before, Resolve(BuiltInRegistry.Combiner, known));
    }
}

using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;
using static Cluster.Tests.ActorCore.TestOutputs;

namespace Cluster.Tests.ActorCore;

public sealed class AggregatorTests
{
    private static readonly CombinerRegistry Combiner = CombinerRegistry.FromYaml("""
        dimensions:
          strength:       { use_pipeline: true,  clamp_default: { min: 0, max: 999999 } }
          crit_rate:      { use_pipeline: true,  clamp_default: { min: 0, max: 1 } }
          lifespan_years: { use_pipeline: false, operator: MAX, clamp_default: { min: 0, max: 100000 } }
          karma:          { use_pipeline: false, operator: SUM, clamp_default: { min: -1000, max: 1000 } }
          luck:           { use_pipeline: false, operator: MIN, clamp_default: { min: -1000, max: 1000 } }
        """);

    private static readonly CapLayerRegistry Prioritized =
        new([CapLayers.Realm, CapLayers.World, CapLayers.Event, CapLayers.Total], AcrossLayerPolicy.PrioritizedOverride);

    private static Snapshot Resolve(CapLayerRegistry? layers = null, params SubsystemOutput[] outputs) =>
        Aggregator.Resolve(outputs, Combiner, layers ?? CapLayerRegistry.Default);

    [Fact]
    public void Pipeline_multiplies_the_flat_sum_by_each_mult_delta_then_adds_post_add()
    {
        var snapshot = Resolve(null, Output(primary:
        [
            Stat("strength", Bucket.Flat, 100), Stat("strength", Bucket.Flat, 50, "race"),
            Stat("strength", Bucket.Mult, 0.5), Stat("strength", Bucket.Mult, -0.2, "curse"),
            Stat("strength", Bucket.PostAdd, 10),
        ]));

        Assert.Equal(150 * 1.5 * 0.8 + 10, snapshot.Primary["strength"], 9);
    }

    [Fact]
    public void Pipeline_without_flat_contributions_is_the_post_add_sum()
    {
        var snapshot = Resolve(null, Output(primary: [Stat("strength", Bucket.Mult, 0.5), Stat("strength", Bucket.PostAdd, 7)]));

        Assert.Equal(7, snapshot.Primary["strength"]);
    }

    [Fact]
    public void Highest_priority_override_replaces_the_pipeline_value()
    {
        var snapshot = Resolve(null, Output(primary:
        [
            Stat("strength", Bucket.Flat, 100),
            Stat("strength", Bucket.Override, 40, "effects", priority: 1),
            Stat("strength", Bucket.Override, 60, "talent", priority: 5),
        ]));

        Assert.Equal(60, snapshot.Primary["strength"]);
    }

    [Fact]
    public void Override_priority_tie_goes_to_the_smallest_system_id()
    {
        var snapshot = Resolve(null, Output(primary:
        [
            Stat("strength", Bucket.Override, 20, "beta", priority: 3),
            Stat("strength", Bucket.Override, 30, "alpha", priority: 3),
            Stat("strength", Bucket.Override, 10, "gamma", priority: 3),
        ]));

        Assert.Equal(30, snapshot.Primary["strength"]);
    }

    [Fact]
    public void Override_value_is_still_clamped_into_the_range()
    {
        var snapshot = Resolve(null, Output(primary: [Stat("crit_rate", Bucket.Override, 3)]));

        Assert.Equal(1, snapshot.Primary["crit_rate"]);
    }

    [Theory]
    [InlineData("lifespan_years", 300)]
    [InlineData("karma", 80 + 300 - 50 + 20)]
    [InlineData("luck", -50)]
    public void Operator_mode_reduces_every_contribution_value_whatever_its_bucket(string dimension, double expected)
    {
        var snapshot = Resolve(null, Output(primary:
        [
            Stat(dimension, Bucket.Flat, 80), Stat(dimension, Bucket.Flat, 300, "race"),
            Stat(dimension, Bucket.Override, -50, "curse"), Stat(dimension, Bucket.PostAdd, 20, "talent"),
        ]));

        Assert.Equal(expected, snapshot.Primary[dimension]);
    }

    [Fact]
    public void Unlisted_dimension_is_a_pipeline_clamped_to_zero_and_a_million()
    {
        var snapshot = Resolve(null, Output(primary: [Stat("attack_power", Bucket.Flat, 2_000_000), Stat("defense", Bucket.Flat, -5)]));

        Assert.Equal(1_000_000, snapshot.Primary["attack_power"]);
        Assert.Equal(0, snapshot.Primary["defense"]);
        Assert.Equal(new CapRange(0, 1_000_000), snapshot.CapsUsed["attack_power"]);
    }

    [Fact]
    public void Unlisted_dimension_uses_a_configured_fallback_rule()
    {
        var fallback = new MergeRule { UsePipeline = false, Operator = CombineOperator.Max, ClampDefault = new ClampRange { Min = -10, Max = 10 } };
        var combiner = new CombinerRegistry(new Dictionary<string, MergeRule>(), fallback);

        var snapshot = Aggregator.Resolve(
            [Output(primary: [Stat("anything", Bucket.Flat, 4), Stat("anything", Bucket.Flat, 50, "race"), Stat("other", Bucket.Flat, -3)])],
            combiner,
            CapLayerRegistry.Default);

        Assert.Equal(10, snapshot.Primary["anything"]);
        Assert.Equal(-3, snapshot.Primary["other"]);
        Assert.Equal(new CapRange(-10, 10), snapshot.CapsUsed["other"]);
    }

    [Fact]
    public void Primary_and_derived_aggregate_separately_against_the_same_caps()
    {
        var snapshot = Resolve(null, Output(
            primary: [Stat("strength", Bucket.Flat, 100)],
            derived: [Stat("strength", Bucket.Flat, 900), Stat("crit_rate", Bucket.Flat, 0.5)],
            caps: [Cap("strength", CapMode.HardMax, CapKind.Max, 500)]));

        Assert.Equal(100, snapshot.Primary["strength"]);
        Assert.Equal(500, snapshot.Derived["strength"]);
        Assert.False(snapshot.Primary.ContainsKey("crit_rate"));
        Assert.Equal(0.5, snapshot.Derived["crit_rate"]);
        Assert.Equal(new CapRange(0, 500), snapshot.CapsUsed["strength"]);
    }

    [Fact]
    public void Baseline_and_additive_caps_add_up_within_a_layer()
    {
        var snapshot = Resolve(null, Output(caps:
        [
            Cap("strength", CapMode.Baseline, CapKind.Max, 200), Cap("strength", CapMode.Additive, CapKind.Max, 300, system: "kim_dan"),
            Cap("strength", CapMode.Additive, CapKind.Max, 50, system: "talent"), Cap("strength", CapMode.Baseline, CapKind.Min, 10),
        ]));

        Assert.Equal(new CapRange(10, 550), snapshot.CapsUsed["strength"]);
    }

    [Fact]
    public void Smallest_hard_max_and_largest_hard_min_bound_the_candidate()
    {
        var snapshot = Resolve(null, Output(caps:
        [
            Cap("strength", CapMode.Baseline, CapKind.Max, 1000),
            Cap("strength", CapMode.HardMax, CapKind.Max, 700), Cap("strength", CapMode.HardMax, CapKind.Max, 600, system: "fate"),
            Cap("strength", CapMode.HardMin, CapKind.Min, 5), Cap("strength", CapMode.HardMin, CapKind.Min, 15, system: "fate"),
        ]));

        Assert.Equal(new CapRange(15, 600), snapshot.CapsUsed["strength"]);
    }

    [Fact]
    public void Highest_priority_cap_override_replaces_the_sum_but_not_the_hard_max()
    {
        var overridden = Resolve(null, Output(caps:
        [
            Cap("strength", CapMode.Baseline, CapKind.Max, 100),
            Cap("strength", CapMode.Override, CapKind.Max, 800, priority: 2),
            Cap("strength", CapMode.Override, CapKind.Max, 300, system: "event", priority: 1),
        ]));
        var hardCapped = Resolve(null, Output(caps:
        [
            Cap("strength", CapMode.Override, CapKind.Max, 800, priority: 2), Cap("strength", CapMode.HardMax, CapKind.Max, 650),
        ]));

        Assert.Equal(800, overridden.CapsUsed["strength"].Max);
        Assert.Equal(650, hardCapped.CapsUsed["strength"].Max);
    }

    [Fact]
    public void Intersect_takes_the_tightest_bound_over_all_layers()
    {
        var snapshot = Resolve(null, Output(
            primary: [Stat("strength", Bucket.Flat, 5000)],
            caps:
            [
                Cap("strength", CapMode.Baseline, CapKind.Max, 1000, CapLayers.Total),
                Cap("strength", CapMode.Override, CapKind.Max, 4000, CapLayers.World, priority: 9),
                Cap("strength", CapMode.HardMax, CapKind.Max, 900, CapLayers.Event),
                Cap("strength", CapMode.HardMin, CapKind.Min, 20, CapLayers.Realm),
                Cap("strength", CapMode.Baseline, CapKind.Min, 40, CapLayers.World),
            ]));

        Assert.Equal(new CapRange(40, 900), snapshot.CapsUsed["strength"]);
        Assert.Equal(900, snapshot.Primary["strength"]);
    }

    [Fact]
    public void Prioritized_override_lets_the_first_override_layer_fix_a_bound_that_later_layers_cannot_narrow()
    {
        var caps = Output(caps:
        [
            Cap("crit_rate", CapMode.Override, CapKind.Max, 0.9, CapLayers.World, priority: 1),
            Cap("crit_rate", CapMode.Override, CapKind.Max, 0.4, CapLayers.Event, priority: 7),
            Cap("crit_rate", CapMode.HardMax, CapKind.Max, 0.5, CapLayers.Total),
            Cap("crit_rate", CapMode.Baseline, CapKind.Min, 0.1, CapLayers.World),
            Cap("crit_rate", CapMode.HardMin, CapKind.Min, 0.2, CapLayers.Total),
        ]);

        Assert.Equal(new CapRange(0.2, 0.9), Resolve(Prioritized, caps).CapsUsed["crit_rate"]);
        Assert.Equal(new CapRange(0.2, 0.4), Resolve(CapLayerRegistry.Default, caps).CapsUsed["crit_rate"]);
    }

    [Fact]
    public void Prioritized_override_supersedes_bounds_of_earlier_layers_without_an_override()
    {
        var caps = Output(caps:
        [
            Cap("strength", CapMode.HardMax, CapKind.Max, 300, CapLayers.Realm),
            Cap("strength", CapMode.Override, CapKind.Max, 800, CapLayers.World),
            Cap("strength", CapMode.Override, CapKind.Min, 50, CapLayers.Event),
            Cap("strength", CapMode.HardMin, CapKind.Min, 100, CapLayers.Realm),
        ]);

        Assert.Equal(new CapRange(50, 800), Resolve(Prioritized, caps).CapsUsed["strength"]);
    }

    [Fact]
    public void Clamp_default_applies_after_a_prioritized_override()
    {
        var snapshot = Resolve(Prioritized, Output(
            primary: [Stat("crit_rate", Bucket.Flat, 4)],
            caps: [Cap("crit_rate", CapMode.Override, CapKind.Max, 5, CapLayers.World)]));

        Assert.Equal(new CapRange(0, 1), snapshot.CapsUsed["crit_rate"]);
        Assert.Equal(1, snapshot.Primary["crit_rate"]);
    }

    [Fact]
    public void Min_above_max_collapses_the_range_to_the_max()
    {
        var snapshot = Resolve(null, Output(
            primary: [Stat("strength", Bucket.Flat, 50)],
            caps: [Cap("strength", CapMode.HardMin, CapKind.Min, 800), Cap("strength", CapMode.Baseline, CapKind.Max, 500, CapLayers.World)]));

        Assert.Equal(new CapRange(500, 500), snapshot.CapsUsed["strength"]);
        Assert.Equal(500, snapshot.Primary["strength"]);
    }

    [Fact]
    public void Realm_caps_apply_whatever_realm_they_name()
    {
        var snapshot = Resolve(null, Output(caps:
        [
            Cap("strength", CapMode.HardMax, CapKind.Max, 600, CapLayers.Realm, realm: "luyen_the:T2"),
            Cap("strength", CapMode.HardMax, CapKind.Max, 700, CapLayers.Realm, realm: "kim_dan:T1"),
        ]));

        Assert.Equal(600, snapshot.CapsUsed["strength"].Max);
    }

    [Fact]
    public void Caps_used_lists_every_dimension_with_a_contribution_or_a_cap_in_name_order()
    {
        var snapshot = Resolve(null,
            Output(primary: [Stat("strength", Bucket.Flat, 1)], caps: [Cap("zeal", CapMode.Baseline, CapKind.Max, 3)]),
            Output("race", derived: [Stat("agility", Bucket.Flat, 2)]));

        Assert.Equal(["agility", "strength", "zeal"], snapshot.CapsUsed.Keys);
        Assert.Equal(["strength"], snapshot.Primary.Keys);
        Assert.Equal(["agility"], snapshot.Derived.Keys);
    }

    [Fact]
    public void Snapshot_carries_the_given_version()
    {
        var snapshot = Aggregator.Resolve([Output(primary: [Stat("strength", Bucket.Flat, 1)])], Combiner, CapLayerRegistry.Default, version: 42);

        Assert.Equal(42, snapshot.Version);
    }

    [Fact]
    public void No_outputs_resolve_to_an_empty_snapshot()
    {
        var snapshot = Resolve(null);

        Assert.Empty(snapshot.Primary);
        Assert.Empty(snapshot.Derived);
        Assert.Empty(snapshot.CapsUsed);
    }

    [Fact]
    public void Resolve_rejects_an_invalid_output_naming_its_position()
    {
        var error = Assert.Throws<SubsystemOutputValidationException>(() => Resolve(null,
            Output(primary: [Stat("strength", Bucket.Flat, 1)]),
            Output(derived: [Stat("strength", Bucket.Flat, 1), Stat("strength", Bucket.Flat, double.NaN)])));

        Assert.Equal("outputs[1].derived[1].value", error.Field);
    }

    [Fact]
    public void Contributions_overflowing_double_range_raise_a_stat_overflow()
    {
        var error = Assert.Throws<StatOverflowException>(() => Resolve(null, Output(primary:
        [
            Stat("strength", Bucket.Flat, double.MaxValue), Stat("strength", Bucket.Flat, double.MaxValue, "race"),
            Stat("strength", Bucket.Mult, -1),
        ])));

        Assert.Equal("strength", error.Dimension);
    }

    [Fact]
    public void Many_dimensions_with_similar_names_each_keep_their_own_value()
    {
        // Short names and names sharing their first and last characters stress the dimension interning.
        var names = Enumerable.Range(0, 300).Select(i => i < 26 ? ((char)('a' + i)).ToString() : $"stat_{i:D3}_x{i % 7}_stat").ToArray();
        var contributions = names.Select((name, i) => Stat(name, Bucket.Flat, i)).ToArray();

        var snapshot = Resolve(null, Output(primary: contributions), Output("race", derived: contributions.Reverse().ToArray()));

        Assert.Equal(names.Order(StringComparer.Ordinal), snapshot.CapsUsed.Keys);
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(i, snapshot.Primary[names[i]]);
            Assert.Equal(i, snapshot.Derived[names[i]]);
        }
    }

    [Fact]
    public void Resolving_twice_on_one_thread_gives_the_same_snapshot()
    {
        var big = Output(primary: [Stat("strength", Bucket.Flat, 10), Stat("crit_rate", Bucket.Flat, 0.2)]);
        var small = Output(primary: [Stat("agility", Bucket.Flat, 3)]);

        var first = Resolve(null, big);
        Resolve(null, small);
        var again = Resolve(null, big);

        SnapshotAssert.Identical(first, again);
    }
}

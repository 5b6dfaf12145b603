using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Cluster.Tests.ActorCore;

public sealed class AggregatorPropertyTests
{
    private static readonly CombinerRegistry Combiner = CombinerRegistry.FromFile(SharedActorCoreData.CombinerRegistryFile);

    private static readonly CapLayerRegistry[] LayerRegistries =
    [
        CapLayerRegistry.Default,
        new([CapLayers.Realm, CapLayers.World, CapLayers.Event, CapLayers.Total], AcrossLayerPolicy.PrioritizedOverride),
        new([CapLayers.Total, CapLayers.World], AcrossLayerPolicy.PrioritizedOverride),
    ];

    // Registry dimensions (pipeline and operator) and unlisted ones; few systems and priorities so that ties happen.
    private static readonly string[] Dimensions = ["strength", "crit_rate", "move_speed", "lifespan_years", "attack_power", "zeal"];
    private static readonly string[] Systems = ["effects", "items", "race", "talent"];

    private static Gen<Contribution> ContributionGen =>
        from dimension in Gen.Elements(Dimensions)
        from bucket in Gen.Elements(Enum.GetValues<Bucket>())
        from cents in bucket == Bucket.Mult ? Gen.Choose(-100, 150) : Gen.Choose(-20_000, 200_000)
        from system in Gen.Elements(Systems)
        from priority in Gen.Choose(0, 2)
        select new Contribution { Dimension = dimension, Bucket = bucket, Value = cents / 100.0, System = system, Priority = priority };

    private static Gen<CapContribution> CapGen(CapLayerRegistry layers) =>
        from dimension in Gen.Elements(Dimensions)
        from mode in Gen.Elements(Enum.GetValues<CapMode>())
        from kind in Gen.Elements(Enum.GetValues<CapKind>())
        from tenths in Gen.Choose(-1_000, 30_000)
        from scope in Gen.Elements(layers.Order.ToArray())
        from system in Gen.Elements(Systems)
        from priority in Gen.Choose(0, 2)
        select new CapContribution
        {
            Dimension = dimension,
            Mode = mode,
            Kind = kind,
            Value = tenths / 10.0,
            Scope = scope,
            Realm = scope == CapLayers.Realm ? "realm_1" : null,
            System = system,
            Priority = priority,
        };

    private static Gen<SubsystemOutput> OutputGen(CapLayerRegistry layers) =>
        from system in Gen.Elements(Systems)
        from primary in Gen.ListOf(ContributionGen).Resize(8)
        from derived in Gen.ListOf(ContributionGen).Resize(4)
        from caps in Gen.ListOf(CapGen(layers)).Resize(5)
        select new SubsystemOutput { Primary = primary, Derived = derived, Caps = caps, Meta = new SubsystemMeta { System = system } };

    private static Arbitrary<Actor> Actors =>
        (from layers in Gen.Elements(LayerRegistries)
         from outputs in Gen.ListOf(OutputGen(layers)).Resize(6)
         from seed in Gen.Choose(0, int.MaxValue)
         select new Actor(outputs, layers, seed)).ToArbitrary();

    [Fact]
    public void Shuffling_contributions_and_caps_across_outputs_never_changes_the_snapshot()
    {
        Prop.ForAll(Actors, actor =>
        {
            var expected = Aggregator.Resolve(actor.Outputs, Combiner, actor.Layers);
            var actual = Aggregator.Resolve(actor.Reshuffled(), Combiner, actor.Layers);
            SnapshotAssert.Identical(expected, actual);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_value_lies_within_its_dimension_range()
    {
        Prop.ForAll(Actors, actor =>
        {
            var snapshot = Aggregator.Resolve(actor.Outputs, Combiner, actor.Layers);
            foreach (var range in snapshot.CapsUsed.Values)
            {
                Assert.True(range.Min <= range.Max, $"range {range}");
            }

            foreach (var (dimension, value) in snapshot.Primary.Concat(snapshot.Derived))
            {
                var range = snapshot.CapsUsed[dimension];
                Assert.True(range.Min <= value && value <= range.Max, $"{dimension}: {value} outside {range}");
            }
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>A generated actor; <see cref="Reshuffled"/> deals the same contributions and caps in another order and grouping.</summary>
    public sealed record Actor(IReadOnlyList<SubsystemOutput> Outputs, CapLayerRegistry Layers, int Seed)
    {
        public IReadOnlyList<SubsystemOutput> Reshuffled()
        {
            var random = new Random(Seed);
            var primary = Shuffle(Outputs.SelectMany(o => o.Primary), random);
            var derived = Shuffle(Outputs.SelectMany(o => o.Derived), random);
            var caps = Shuffle(Outputs.SelectMany(o => o.Caps), random);
            var count = Math.Max(1, Outputs.Count);
            return Enumerable.Range(0, count)
                .Select(i => new SubsystemOutput
                {
                    Primary = Deal(primary, i, count),
                    Derived = Deal(derived, i, count),
                    Caps = Deal(caps, i, count),
                    Meta = new SubsystemMeta { System = $"s{i}" },
                })
                .ToList();
        }

        public override string ToString() =>
            $"{Outputs.Count} outputs, layers [{string.Join(", ", Layers.Order)}] {Layers.AcrossPolicy}, seed {Seed}";

        private static T[] Shuffle<T>(IEnumerable<T> items, Random random)
        {
            var array = items.ToArray();
            random.Shuffle(array);
            return array;
        }

        private static T[] Deal<T>(T[] items, int hand, int hands) => items.Where((_, i) => i % hands == hand).ToArray();
    }
}

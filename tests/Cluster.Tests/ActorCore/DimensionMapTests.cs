using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;
using static Cluster.Tests.ActorCore.TestOutputs;

namespace Cluster.Tests.ActorCore;

public sealed class DimensionMapTests
{
    private static readonly Snapshot Resolved = Aggregator.Resolve(
        [
            Output(
                primary: [Stat("zeal", Bucket.Flat, 3), Stat("b", Bucket.Flat, 2), Stat("a_1", Bucket.Flat, 5), Stat("a", Bucket.Flat, 1)],
                derived: [Stat("b", Bucket.Flat, 7)],
                caps: [Cap("only_capped", CapMode.Baseline, CapKind.Max, 50)]),
        ],
        BuiltInRegistry.Combiner,
        CapLayerRegistry.Default);

    [Fact]
    public void Enumerates_dimensions_in_ordinal_name_order()
    {
        Assert.Equal(["a", "a_1", "b", "zeal"], Resolved.Primary.Keys);
        Assert.Equal([1.0, 5, 2, 3], Resolved.Primary.Values);
        Assert.Equal(["a", "a_1", "b", "only_capped", "zeal"], Resolved.CapsUsed.Keys);
    }

    [Fact]
    public void Finds_every_present_dimension_and_no_absent_one()
    {
        foreach (var (name, value) in Resolved.Primary)
        {
            Assert.True(Resolved.Primary.TryGetValue(name, out var found));
            Assert.Equal(value, found);
            Assert.Equal(value, Resolved.Primary[name]);
        }

        Assert.Equal(7, Resolved.Derived["b"]);
        Assert.False(Resolved.Derived.ContainsKey("a"));
        Assert.False(Resolved.Primary.ContainsKey("only_capped"));
        Assert.False(Resolved.Primary.TryGetValue("aa", out _));
        Assert.False(Resolved.CapsUsed.ContainsKey(""));
        var missing = Assert.Throws<KeyNotFoundException>(() => Resolved.Primary["zzz"]);
        Assert.Contains("'zzz'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_crosses_the_orleans_serializer_with_every_value_and_order_kept()
    {
        using var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(Snapshot).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<Snapshot>(serializer.SerializeToArray(Resolved))!;

        Assert.NotSame(Resolved.Primary, copy.Primary);
        SnapshotAssert.Identical(Resolved, copy);
        Assert.Equal(5, copy.Primary["a_1"]);
    }
}

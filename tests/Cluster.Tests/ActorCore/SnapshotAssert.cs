using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;

namespace Cluster.Tests.ActorCore;

internal static class SnapshotAssert
{
    /// <summary>Same dimensions and version; numbers equal within a relative 1e-9 (the vectors are written in decimal).</summary>
    public static void Close(Snapshot expected, Snapshot actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Values(expected.Primary, actual.Primary, "Primary");
        Values(expected.Derived, actual.Derived, "Derived");
        Assert.Equal(expected.CapsUsed.Keys.Order(StringComparer.Ordinal), actual.CapsUsed.Keys.Order(StringComparer.Ordinal));
        foreach (var (dimension, range) in expected.CapsUsed)
        {
            Number(range.Min, actual.CapsUsed[dimension].Min, $"CapsUsed.{dimension}.Min");
            Number(range.Max, actual.CapsUsed[dimension].Max, $"CapsUsed.{dimension}.Max");
        }
    }

    /// <summary>Bit-for-bit equal, including dimension order.</summary>
    public static void Identical(Snapshot expected, Snapshot actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Primary.ToArray(), actual.Primary.ToArray());
        Assert.Equal(expected.Derived.ToArray(), actual.Derived.ToArray());
        Assert.Equal(expected.CapsUsed.ToArray(), actual.CapsUsed.ToArray());
    }

    private static void Values(IReadOnlyDictionary<string, double> expected, IReadOnlyDictionary<string, double> actual, string name)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (dimension, value) in expected)
        {
            Number(value, actual[dimension], $"{name}.{dimension}");
        }
    }

    private static void Number(double expected, double actual, string field) =>
        Assert.True(
            Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)),
            $"{field}: expected {expected}, got {actual}");
}

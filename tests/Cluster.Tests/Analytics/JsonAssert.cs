using System.Text.Json;
using Xunit;

namespace Cluster.Tests.Analytics;

/// <summary>
/// Structural equality of two JSON documents, numbers within a relative 1e-9: sums the database adds in another
/// order than the engine may differ in the last bits, nothing more.
/// </summary>
internal static class JsonAssert
{
    private const double Tolerance = 1e-9;

    public static void Equivalent(JsonElement expected, JsonElement actual) => Compare(expected, actual, "$");

    public static void Equivalent<T>(T expected, JsonElement actual) =>
        Compare(JsonSerializer.SerializeToElement(expected, JsonSerializerOptions.Web), actual, "$");

    public static void SameValues<T>(T expected, T actual) =>
        Equivalent(expected, JsonSerializer.SerializeToElement(actual, JsonSerializerOptions.Web));

    private static void Compare(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, got {actual.ValueKind} ({actual}).");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(names, actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
                foreach (var name in names)
                    Compare(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}");
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}.");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                    Compare(expected[i], actual[i], $"{path}[{i}]");
                break;
            case JsonValueKind.Number:
                var (e, a) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(e - a) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(e), Math.Abs(a))), $"{path}: expected {e:R}, got {a:R}.");
                break;
            default:
                Assert.True(expected.ToString() == actual.ToString(), $"{path}: expected {expected}, got {actual}.");
                break;
        }
    }
}

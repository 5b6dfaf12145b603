using System.Globalization;

namespace Cluster.Runtime;

/// <summary>Canonical string forms of grain keys and their parsing back, shared by references and activations.</summary>
public static class GrainKey
{
    public static string Of(Guid key) => key.ToString("D");

    public static string Of(long key) => key.ToString(CultureInfo.InvariantCulture);

    public static Guid ToGuid(string key) =>
        Guid.TryParseExact(key, "D", out var g) ? g : throw new InvalidOperationException($"Grain key '{key}' is not a Guid key.");

    public static long ToLong(string key) =>
        long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l
            : throw new InvalidOperationException($"Grain key '{key}' is not an integer key.");
}

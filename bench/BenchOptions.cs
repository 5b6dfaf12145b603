using System.Globalization;

namespace Cluster.Bench;

/// <summary>Named options of a mode's arguments (<c>--name value</c>), next to its positional ones.</summary>
internal static class BenchOptions
{
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The positional argument at <paramref name="index"/>, counting only those before the first named option.</summary>
    public static double Positional(string[] args, int index, double fallback)
    {
        for (var i = 0; i <= index; i++)
        {
            if (i >= args.Length || args[i].StartsWith("--", StringComparison.Ordinal))
                return fallback;
        }

        return double.Parse(args[index], CultureInfo.InvariantCulture);
    }
}

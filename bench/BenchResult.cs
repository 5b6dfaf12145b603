using System.Text.Json;

namespace Cluster.Bench;

/// <summary>Prints a mode's result as the one JSON object on the last output line.</summary>
internal static class BenchResult
{
    public static int Print(Dictionary<string, object> fields)
    {
        Console.WriteLine(JsonSerializer.Serialize(fields));
        return 0;
    }

    public static double Median(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

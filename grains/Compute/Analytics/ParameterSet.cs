using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// The parameters of an execution, with a canonical <see cref="Key"/> (compact JSON with names in ordinal order) so
/// that equal maps group together however they were written; a storage layer can index on the key.
/// </summary>
public sealed record ParameterSet(string Key, IReadOnlyDictionary<string, ParameterValue> Values)
{
    public static ParameterSet Empty { get; } = Of(new Dictionary<string, ParameterValue>());

    public static ParameterSet Of(IReadOnlyDictionary<string, ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = new SortedDictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
            sorted[name] = value;
        return new ParameterSet(JsonSerializer.Serialize(sorted), sorted);
    }

    public bool Equals(ParameterSet? other) => other is not null && other.Key == Key;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
}

using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>
/// A read-only map from dimension name to value that enumerates in ordinal name order, as <see cref="Snapshot"/>
/// lists its dimensions. Two parallel arrays: building one hashes no name, the maps of one snapshot share their
/// names where they hold the same dimensions, and a lookup is a binary search.
/// </summary>
[GenerateSerializer]
[Alias("ActorCore.DimensionMap`1")]
[Immutable]
public sealed class DimensionMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    [Id(0)]
    private readonly string[] _names;

    [Id(1)]
    private readonly TValue[] _values;

    /// <param name="names">Distinct names in ordinal order, owned by the map from now on.</param>
    /// <param name="values">The value of each name, owned by the map from now on.</param>
    internal DimensionMap(string[] names, TValue[] values)
    {
        _names = names;
        _values = values;
    }

    public static DimensionMap<TValue> Empty { get; } = new([], []);

    public int Count => _names.Length;

    public IEnumerable<string> Keys => Array.AsReadOnly(_names);

    public IEnumerable<TValue> Values => Array.AsReadOnly(_values);

    public TValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"dimension '{key}' is not in the map");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = _values[index];
        return true;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            yield return new KeyValuePair<string, TValue>(_names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (low, high) = (0, _names.Length - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(_names[middle], key);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}

namespace Cluster.Grains.ActorCore;

/// <summary>
/// Ranked values bucketed by an integer key with a counting sort, each bucket then sorted by <see cref="RankOrder"/>.
/// Buffers are kept between resolutions so that a steady workload allocates nothing here.
/// </summary>
internal sealed class GroupedValues(RankOrder order)
{
    private const int InsertionSortLimit = 16;

    private RankedValue[] _items = new RankedValue[256];
    private RankedValue[] _sorted = new RankedValue[256];
    private int[] _keys = new int[256];
    private int[] _starts = new int[257];
    private int _count;

    public void Add(int key, RankedValue value)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _keys[_count] = key;
        _items[_count++] = value;
    }

    private void Grow()
    {
        Array.Resize(ref _items, _count * 2);
        Array.Resize(ref _keys, _count * 2);
    }

    /// <summary>Orders the added values by key (0 ≤ key &lt; <paramref name="keyCount"/>) and by rank within a key.</summary>
    public void Group(int keyCount)
    {
        if (_starts.Length < keyCount + 1)
        {
            _starts = new int[Math.Max(keyCount + 1, _starts.Length * 2)];
        }

        if (_sorted.Length < _items.Length)
        {
            _sorted = new RankedValue[_items.Length];
        }

        var starts = _starts.AsSpan(0, keyCount + 1);
        starts.Clear();
        for (var i = 0; i < _count; i++)
        {
            starts[_keys[i] + 1]++;
        }

        for (var k = 1; k <= keyCount; k++)
        {
            starts[k] += starts[k - 1];
        }

        // Place each value at its key's next free slot, using starts[key] as the cursor; afterwards starts[key]
        // is the end of the key's run, so shifting by one restores the run starts.
        for (var i = 0; i < _count; i++)
        {
            _sorted[starts[_keys[i]]++] = _items[i];
        }

        for (var k = keyCount; k > 0; k--)
        {
            starts[k] = starts[k - 1];
        }

        starts[0] = 0;
        for (var k = 0; k < keyCount; k++)
        {
            var length = starts[k + 1] - starts[k];
            if (length > 1)
            {
                Sort(_sorted.AsSpan(starts[k], length));
            }
        }
    }

    /// <summary>The values of keys [<paramref name="firstKey"/>, <paramref name="endKey"/>) in key then rank order.</summary>
    public ReadOnlySpan<RankedValue> Range(int firstKey, int endKey) =>
        _sorted.AsSpan(_starts[firstKey], _starts[endKey] - _starts[firstKey]);

    public ReadOnlySpan<RankedValue> this[int key] => Range(key, key + 1);

    // Groups are mostly a handful of values: insertion sort them in place.
    private void Sort(Span<RankedValue> values)
    {
        if (values.Length > InsertionSortLimit)
        {
            values.Sort(order);
            return;
        }

        for (var i = 1; i < values.Length; i++)
        {
            var item = values[i];
            var j = i - 1;
            while (j >= 0 && order.Compare(values[j], item) > 0)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = item;
        }
    }

    /// <summary>Forgets the values.</summary>
    public void Clear() => _count = 0;
}

namespace Cluster.Grains.Knowledge.Search;

/// <summary>
/// Keeps the <c>k</c> highest-scoring items seen, in a bounded min-heap: an item costs one comparison unless it
/// beats the current k-th best. Ties keep the item seen first.
/// </summary>
public sealed class TopK
{
    private readonly float[] _scores;
    private readonly int[] _items;
    private int _count;

    /// <summary>Keeps at most <paramref name="capacity"/> items.</summary>
    public TopK(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _scores = new float[capacity];
        _items = new int[capacity];
    }

    /// <summary>How many items are kept.</summary>
    public int Count => _count;

    /// <summary>The lowest kept score once full; items scoring at or below it are not kept.</summary>
    public float Floor => _count == _scores.Length ? _scores[0] : float.NegativeInfinity;

    /// <summary>Offers <paramref name="item"/> with <paramref name="score"/>.</summary>
    public void Add(int item, float score)
    {
        if (_count < _scores.Length)
        {
            var i = _count++;
            _scores[i] = score;
            _items[i] = item;
            SiftUp(i);
        }
        else if (score > _scores[0])
        {
            _scores[0] = score;
            _items[0] = item;
            SiftDown(0);
        }
    }

    /// <summary>Writes the kept items best first into <paramref name="items"/> and <paramref name="scores"/>; returns how many; empties the heap.</summary>
    public int Drain(Span<int> items, Span<float> scores)
    {
        var n = _count;
        for (var i = n - 1; i >= 0; i--)
        {
            items[i] = _items[0];
            scores[i] = _scores[0];
            _count--;
            if (_count > 0)
            {
                _scores[0] = _scores[_count];
                _items[0] = _items[_count];
                SiftDown(0);
            }
        }

        return n;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_scores[parent] <= _scores[i])
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= _count)
            {
                return;
            }

            var smallest = left + 1 < _count && _scores[left + 1] < _scores[left] ? left + 1 : left;
            if (_scores[i] <= _scores[smallest])
            {
                return;
            }

            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_items[a], _items[b]) = (_items[b], _items[a]);
    }
}

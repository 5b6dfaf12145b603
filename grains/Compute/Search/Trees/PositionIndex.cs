namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>
/// Finds the first tree node created for a position (by <see cref="Games.IGameState{TState}.Key"/>), so that nodes
/// reached by different move orders share one set of statistics. Open addressing with linear probing, kept at most
/// half full.
/// </summary>
internal sealed class PositionIndex
{
    private const int MinimumCapacity = 1024;
    private const int MaximumInitialCapacity = 1 << 21;

    // Keys are stored plus one so that 0 marks an empty slot (0 is a real key: the empty tic-tac-toe board).
    private ulong[] _keys;
    private int[] _nodes;
    private int _shift;
    private int _count;

    /// <summary>Creates an index sized for about <paramref name="expectedPositions"/> positions.</summary>
    public PositionIndex(long expectedPositions)
    {
        var capacity = MinimumCapacity;
        while (capacity < MaximumInitialCapacity && capacity < 2 * expectedPositions)
        {
            capacity *= 2;
        }

        _keys = new ulong[capacity];
        _nodes = new int[capacity];
        _shift = 64 - int.Log2(capacity);
    }

    /// <summary>The node already holding <paramref name="key"/>, or <paramref name="node"/> after recording it as the first.</summary>
    public int FindOrAdd(ulong key, int node)
    {
        if (2 * (_count + 1) > _keys.Length)
        {
            Grow();
        }

        var stored = key + 1;
        var mask = _keys.Length - 1;
        for (var slot = Slot(stored); ; slot = (slot + 1) & mask)
        {
            var found = _keys[slot];
            if (found == stored)
            {
                return _nodes[slot];
            }

            if (found == 0)
            {
                _keys[slot] = stored;
                _nodes[slot] = node;
                _count++;
                return node;
            }
        }
    }

    // Fibonacci hashing: the top bits of a multiplication spread the bitboard keys over the table.
    private int Slot(ulong stored) => (int)((stored * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        var keys = _keys;
        var nodes = _nodes;
        _keys = new ulong[keys.Length * 2];
        _nodes = new int[keys.Length * 2];
        _shift--;
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0)
            {
                continue;
            }

            var slot = Slot(keys[i]);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = keys[i];
            _nodes[slot] = nodes[i];
        }
    }
}

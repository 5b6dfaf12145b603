namespace Cluster.PerfectPlay;

/// <summary>
/// Transposition table of the solver: one slot per key modulo a prime, newest entry wins. A stored byte is a bound
/// on the exact score, encoded by <see cref="ConnectFourSolver"/>; 0 means empty.
/// </summary>
internal sealed class SolverTable
{
    // A prime near 4M slots (about 38 MB): enough for positions of 12 plies and more without thrashing.
    private const int Size = 4_194_319;

    private readonly ulong[] _keys = new ulong[Size];
    private readonly byte[] _values = new byte[Size];

    public void Put(ulong key, byte value)
    {
        var slot = (int)(key % Size);
        _keys[slot] = key;
        _values[slot] = value;
    }

    public byte Get(ulong key)
    {
        var slot = (int)(key % Size);
        return _keys[slot] == key ? _values[slot] : (byte)0;
    }

    public void Clear()
    {
        Array.Clear(_keys);
        Array.Clear(_values);
    }
}

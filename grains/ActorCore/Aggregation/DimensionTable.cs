using System.Runtime.InteropServices;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// Interns dimension names to dense indices 0..Count-1. An open-addressing table hashed on the length and the first
/// and last four characters: about three times cheaper per lookup than a string-keyed Dictionary, which matters
/// because every contribution and cap of every resolution passes through it.
/// </summary>
internal sealed class DimensionTable
{
    private string?[] _slots = new string?[128];
    private int[] _indices = new int[128];
    private string[] _names = new string[64];

    public int Count { get; private set; }

    public string this[int index] => _names[index];

    public int Intern(string name)
    {
        var mask = _slots.Length - 1;
        for (var slot = Hash(name) & mask; ; slot = (slot + 1) & mask)
        {
            var existing = _slots[slot];
            if (existing is null)
            {
                return Add(slot, name);
            }

            if (ReferenceEquals(existing, name) || string.Equals(existing, name, StringComparison.Ordinal))
            {
                return _indices[slot];
            }
        }
    }

    public void Clear()
    {
        Array.Clear(_slots);
        Array.Clear(_names, 0, Count);
        Count = 0;
    }

    private int Add(int slot, string name)
    {
        if (Count == _names.Length)
        {
            Array.Resize(ref _names, Count * 2);
        }

        var index = Count++;
        _names[index] = name;
        _slots[slot] = name;
        _indices[slot] = index;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return index;
    }

    // Keeps the load factor at or below one half so that probe runs stay short.
    private void Grow()
    {
        _slots = new string?[_slots.Length * 2];
        _indices = new int[_slots.Length];
        var mask = _slots.Length - 1;
        for (var index = 0; index < Count; index++)
        {
            var slot = Hash(_names[index]) & mask;
            while (_slots[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = _names[index];
            _indices[slot] = index;
        }
    }

    private static int Hash(string name)
    {
        var chars = name.AsSpan();
        ulong head, tail;
        if (chars.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(chars);
            head = MemoryMarshal.Read<ulong>(bytes);
            tail = MemoryMarshal.Read<ulong>(bytes[^8..]);
        }
        else
        {
            head = 0;
            foreach (var c in chars)
            {
                head = (head << 16) | c;
            }

            tail = 0;
        }

        var h = ((head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL)) + (ulong)chars.Length;
        return (int)((h ^ (h >> 29)) * 0x165667B19E3779F9UL >> 32) & int.MaxValue;
    }
}

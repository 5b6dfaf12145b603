using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// One collection's values (primary or derived) in dimension name order while a snapshot is built; the buffers are
/// kept between resolutions and only the finished map is allocated.
/// </summary>
internal sealed class ValueColumn
{
    private double[] _values = new double[64];
    private int[] _positions = new int[64];
    private int _count;

    /// <param name="position">The dimension's position among all the snapshot's dimensions in name order.</param>
    public void Add(int position, double value)
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _count * 2);
            Array.Resize(ref _positions, _count * 2);
        }

        _positions[_count] = position;
        _values[_count++] = value;
    }

    /// <summary>
    /// The map of the added values, sharing <paramref name="names"/> (all the snapshot's dimensions in name order)
    /// when every dimension has a value; the column is empty afterwards.
    /// </summary>
    public DimensionMap<double> ToMap(string[] names)
    {
        if (_count == 0)
        {
            return DimensionMap<double>.Empty;
        }

        var values = _values.AsSpan(0, _count).ToArray();
        var keys = names;
        if (_count < names.Length)
        {
            keys = new string[_count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = names[_positions[i]];
            }
        }

        _count = 0;
        return new DimensionMap<double>(keys, values);
    }

    public void Clear() => _count = 0;
}

using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>The snapped unit-cube points of trials already completed or running, to keep suggestions off them.</summary>
internal sealed class TakenPoints
{
    private readonly double[] _points;
    private readonly int _dimensions;

    public TakenPoints(double[] points, int count, int dimensions)
    {
        _points = points;
        Count = count;
        _dimensions = dimensions;
    }

    public int Count { get; }

    /// <summary>Completed trials' points first, in order, then the running ones'.</summary>
    public static TakenPoints Encode(SearchSpace space, IReadOnlyList<Trial> completed, IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> pending)
    {
        var d = UnitCube.Dimensions(space);
        var count = completed.Count + pending.Count;
        var points = new double[count * d];
        for (var i = 0; i < count; i++)
        {
            var values = i < completed.Count ? completed[i].Params : pending[i - completed.Count];
            var row = points.AsSpan(i * d, d);
            UnitCube.Encode(space, values, row);
            UnitCube.Snap(space, row);
        }
        return new TakenPoints(points, count, d);
    }

    public ReadOnlySpan<double> this[int index] => _points.AsSpan(index * _dimensions, _dimensions);

    /// <summary>The first <paramref name="rows"/> points as one row-major array (shared, not copied when all are wanted).</summary>
    public double[] Rows(int rows) => rows * _dimensions == _points.Length ? _points : _points[..(rows * _dimensions)];

    public bool Contains(ReadOnlySpan<double> point)
    {
        for (var i = 0; i < Count; i++)
        {
            if (point.SequenceEqual(this[i]))
                return true;
        }
        return false;
    }
}

using Cluster.Runtime.Membership;

namespace Cluster.Runtime.Placement;

/// <summary>
/// A consistent-hash ring with virtual nodes over a set of silos: a grain belongs to the first virtual node at or
/// after its hash. Adding or removing a silo moves only the grains of the ring segments it gains or loses.
/// </summary>
internal sealed class ConsistentHashRing
{
    private readonly uint[] _points;
    private readonly SiloInfo[] _owners;

    public ConsistentHashRing(IReadOnlyList<SiloInfo> silos, int virtualNodes)
    {
        var entries = new List<(uint Point, SiloInfo Silo)>(silos.Count * virtualNodes);
        foreach (var silo in silos)
            for (var v = 0; v < virtualNodes; v++)
                entries.Add((StableHash.Of(silo.SiloId, v.ToString(System.Globalization.CultureInfo.InvariantCulture)), silo));
        entries.Sort((x, y) => x.Point != y.Point ? x.Point.CompareTo(y.Point) : string.CompareOrdinal(x.Silo.SiloId, y.Silo.SiloId));
        _points = new uint[entries.Count];
        _owners = new SiloInfo[entries.Count];
        for (var i = 0; i < entries.Count; i++)
            (_points[i], _owners[i]) = entries[i];
    }

    public SiloInfo OwnerOf(GrainId grain)
    {
        if (_points.Length == 0)
            throw new InvalidOperationException("The ring has no silos.");
        var hash = StableHash.Of(grain.Type, grain.Key);
        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
            index = ~index;
        return _owners[index == _points.Length ? 0 : index];
    }
}

namespace Cluster.Grains.ActorCore;

/// <summary>
/// Priority descending, then system ascending (ordinal), as the spec orders contributions. Value and tag break the
/// remaining ties so that entries the order still cannot tell apart are identical and input order never shows
/// in a floating-point sum.
/// </summary>
internal readonly struct RankOrder : IComparer<RankedValue>
{
    public int Compare(RankedValue x, RankedValue y)
    {
        if (x.Priority != y.Priority)
        {
            return x.Priority > y.Priority ? -1 : 1;
        }

        var bySystem = string.CompareOrdinal(x.System, y.System);
        if (bySystem != 0)
        {
            return bySystem;
        }

        var byValue = x.Value.CompareTo(y.Value);
        return byValue != 0 ? byValue : x.Tag.CompareTo(y.Tag);
    }
}

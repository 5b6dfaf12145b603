namespace Cluster.Grains.ActorCore;

/// <summary>
/// Priority descending, then system ascending (ordinal, by the systems' ranks in <paramref name="systems"/>), as the
/// spec orders contributions. Value and tag break the remaining ties so that entries the order still cannot tell
/// apart are identical and input order never shows in a floating-point sum. A class, so that sorting through
/// <see cref="IComparer{T}"/> does not box it.
/// </summary>
internal sealed class RankOrder(NameTable systems) : IComparer<RankedValue>
{
    public int Compare(RankedValue x, RankedValue y)
    {
        if (x.Priority != y.Priority)
        {
            return x.Priority > y.Priority ? -1 : 1;
        }

        if (x.System != y.System)
        {
            return systems.RankOf(x.System) < systems.RankOf(y.System) ? -1 : 1;
        }

        var byValue = x.Value.CompareTo(y.Value);
        return byValue != 0 ? byValue : x.Tag.CompareTo(y.Tag);
    }
}

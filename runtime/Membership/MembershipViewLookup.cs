namespace Cluster.Runtime.Membership;

public static class MembershipViewLookup
{
    /// <summary>The silo with this id in the view, or null when the view does not list it.</summary>
    public static SiloInfo? Find(this IMembershipView view, string siloId)
    {
        foreach (var silo in view.Silos)
        {
            if (silo.SiloId == siloId)
                return silo;
        }
        return null;
    }
}

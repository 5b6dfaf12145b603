namespace Cluster.Runtime.Membership;

/// <summary>The ordered list of silos in the cluster and the version of that list.</summary>
public interface IMembershipView
{
    long Version { get; }

    IReadOnlyList<SiloInfo> Silos { get; }
}

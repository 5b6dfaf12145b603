namespace Cluster.Runtime.Membership;

public enum SiloStatus
{
    Joining,
    Active,
    ShuttingDown,
    Dead,
}

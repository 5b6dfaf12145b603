namespace Cluster.Runtime.Membership;

/// <summary>A consistent view of the cluster's silos: its version and the silos ordered by id.</summary>
public sealed record MembershipSnapshot(long Version, IReadOnlyList<SiloInfo> Silos) : IMembershipView
{
    public static readonly MembershipSnapshot Empty = new(0, []);
}

/// <summary>
/// Membership a silo takes part in (join, heartbeats, leave) or a client follows (gateway: observe only).
/// Every participant sees the same ordered, versioned view; a change raises <see cref="ViewChanged"/>.
/// </summary>
public interface IClusterMembership : IMembershipView, IAsyncDisposable
{
    MembershipSnapshot Current { get; }

    /// <summary>Raised on a thread-pool thread whenever the view's version changes.</summary>
    event Action<MembershipSnapshot>? ViewChanged;

    /// <summary>Raised when this silo learns that the cluster declared it dead: it must stop serving at once.</summary>
    event Action? DeclaredDead;

    /// <summary>Starts following the view without joining (gateways and other clients).</summary>
    Task ObserveAsync(CancellationToken cancellationToken);

    /// <summary>Joins as an active silo and starts heartbeats; <paramref name="activationCount"/> is sampled per heartbeat.</summary>
    Task JoinAsync(SiloInfo self, Func<int> activationCount, CancellationToken cancellationToken);

    /// <summary>Marks this silo as shutting down (others stop placing grains on it) while it deactivates.</summary>
    Task ShuttingDownAsync(CancellationToken cancellationToken);

    /// <summary>Leaves cleanly: the entry becomes Dead at once, without waiting for missed heartbeats.</summary>
    Task LeaveAsync(CancellationToken cancellationToken);
}

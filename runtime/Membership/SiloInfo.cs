namespace Cluster.Runtime.Membership;

/// <summary>A silo as the membership view shows it.</summary>
public sealed record SiloInfo(
    string SiloId,
    string Endpoint,
    IReadOnlyList<string> Roles,
    SiloStatus Status,
    DateTimeOffset StartTime,
    int ActivationCount,
    DateTimeOffset LastHeartbeat);

using Orleans.Configuration;

namespace Cluster.Silo.Hosting;

/// <summary>
/// Membership timing tuned to seconds. Orleans' defaults take about 10 s to declare a crashed silo dead and about a
/// minute for a hung one; probing every second, with two missed probes and short probe timeouts, declares a crashed
/// silo dead in about a second and a hung one in a few, without false declarations on a loaded machine.
/// </summary>
internal static class FailureDetection
{
    public static void Tune(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.MaxProbeTimeout = TimeSpan.FromSeconds(2);
        // A hung silo in a two-silo cluster has no second voter: its stale heartbeat in the table is what convicts it.
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedTableIAmAliveLimit = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        options.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(1);
        options.DefunctSiloExpiration = TimeSpan.FromMinutes(5);
    }
}

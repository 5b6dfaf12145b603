using Cluster.GrainInterfaces.Cluster;
using Cluster.Runtime;

namespace Cluster.Grains.Cluster;

[SiloTarget]
[Reentrant]
public sealed class SiloStatsGrain(Runtime.Hosting.Silo silo) : Grain, ISiloStatsGrain
{
    public Task<SiloStats> GetAsync()
    {
        var methods = new List<MethodStats>();
        foreach (var type in silo.Statistics.Classes)
        {
            foreach (var m in type.Methods)
            {
                var (buckets, sum) = m.Latency.Export();
                methods.Add(new MethodStats(type.GrainType, m.Method, m.Calls, m.Errors, buckets, sum));
            }
        }
        return Task.FromResult(new SiloStats(silo.Options.SiloId, silo.ActivationsByType(), methods));
    }
}

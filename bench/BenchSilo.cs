using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Bench;

/// <summary>One Orleans silo of a <see cref="BenchCluster"/>: a generic host in this process.</summary>
internal sealed class BenchSilo(IHost host, string name)
{
    public string Name { get; } = name;

    public IHost Host { get; } = host;

    /// <summary>Calls made through it leave from this silo, as the gateway's calls leave from its embedded silo.</summary>
    public IGrainFactory GrainFactory => Host.Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
}

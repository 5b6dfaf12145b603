using Cluster.Silo.Hosting;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Cluster.Tests.Hosting;

/// <summary>Configures each TestingHost silo like a product silo, named as TestingHost names it.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        var options = ClusterHostOptions.From(configuration);
        options.SiloId = configuration["Orleans:Name"] ?? options.SiloId;
        var gpu = configuration[TestClusters.GpuSilosSetting]?.Split(',') ?? [];
        if (gpu.Contains(options.SiloId))
            options.Roles = ["gpu"];
        siloBuilder.AddClusterGrains(configuration, options);
        TestClusters.ServicesFor(configuration)?.Invoke(siloBuilder.Services);
    }
}

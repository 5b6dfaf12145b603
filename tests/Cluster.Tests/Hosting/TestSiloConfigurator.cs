using Cluster.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Runtime;
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
        siloBuilder.Services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler, TestFatalErrorHandler>());
        TestClusters.ServicesFor(configuration)?.Invoke(siloBuilder.Services);
    }
}

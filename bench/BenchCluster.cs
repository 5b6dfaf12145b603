using System.Diagnostics;
using Cluster.Grains.Cluster;
using Cluster.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Cluster.Bench;

/// <summary>
/// Real Orleans silos in this process, each configured by the product's <see cref="ClusterSiloBuilderExtensions.UseClusterSilo"/>
/// (its embedded default: loopback, development membership, in-memory storage unless the settings say otherwise).
/// Silos after the first join through it, so they talk to each other over loopback TCP like separate processes.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly List<BenchSilo> _silos = [];
    private int _started;

    private BenchCluster(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    /// <summary>The silos that are up, in the order they started; the first one holds the membership.</summary>
    public IReadOnlyList<BenchSilo> Silos => _silos;

    /// <summary>
    /// Starts one silo per entry of <paramref name="roles"/>, each with those roles (Cluster:Roles); the settings
    /// (Cluster:…) apply to every silo.
    /// </summary>
    public static async Task<BenchCluster> StartAsync(string[][] roles, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cluster = new BenchCluster(settings ?? new Dictionary<string, string?>());
        try
        {
            foreach (var siloRoles in roles)
                await cluster.StartSiloAsync(siloRoles);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and returns once it is active in the cluster.</summary>
    public async Task<BenchSilo> StartSiloAsync(params string[] roles)
    {
        var name = $"bench-silo-{++_started}";
        var settings = new Dictionary<string, string?>(_settings)
        {
            ["Cluster:SiloId"] = name,
            ["Cluster:ListenEndpoint"] = $"127.0.0.1:{LoopbackPort.Free()}",
        };
        for (var i = 0; i < roles.Length; i++)
            settings[$"Cluster:Roles:{i}"] = roles[i];

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        // Warnings and errors only, on standard error: standard output ends with the mode's JSON line.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        var primary = _silos.Count > 0 ? _silos[0].Address.Endpoint : null;
        builder.UseOrleans(silo =>
        {
            silo.UseClusterSilo(builder.Configuration);
            if (primary is not null)
                silo.Configure<DevelopmentClusterMembershipOptions>(o => o.PrimarySiloEndpoint = primary);
        });
        var host = builder.Build();
        await host.StartAsync();
        var started = new BenchSilo(host, name);
        _silos.Add(started);
        await WaitUntilAllKnowEachOtherAsync();
        return started;
    }

    /// <summary>
    /// Waits until every silo has every other silo's metadata: role placement reads the roles from it, so until then
    /// a grain type that requires a role the new silo has finds no silo for it.
    /// </summary>
    private async Task WaitUntilAllKnowEachOtherAsync()
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(30 * Stopwatch.Frequency);
        foreach (var silo in _silos)
        {
            var metadata = silo.Host.Services.GetRequiredService<ISiloMetadataCache>();
            foreach (var other in _silos)
            {
                while (!metadata.GetSiloMetadata(other.Address).Metadata.ContainsKey(SiloIdentity.RoleMetadataKey))
                {
                    if (Stopwatch.GetTimestamp() > deadline)
                        throw new TimeoutException($"{silo.Name} did not learn the metadata of {other.Name} within 30 s.");
                    await Task.Delay(20);
                }
            }
        }
    }

    /// <summary>Stops a silo gracefully: it deactivates its grains and leaves the membership before its host ends.</summary>
    public async Task StopSiloAsync(BenchSilo silo)
    {
        _silos.Remove(silo);
        await silo.Host.StopAsync();
        silo.Host.Dispose();
    }

    /// <summary>How many activations of grain type <paramref name="grainType"/> each silo holds, by silo name.</summary>
    public async Task<Dictionary<string, int>> ActivationsAsync(string grainType)
    {
        var management = _silos[0].GrainFactory.GetGrain<IManagementGrain>(0);
        var counts = new Dictionary<string, int>();
        foreach (var silo in _silos)
            counts[silo.Name] = 0;
        foreach (var statistic in await management.GetSimpleGrainStatistics())
        {
            if (!statistic.GrainType.Contains(grainType, StringComparison.Ordinal))
                continue;
            foreach (var silo in _silos)
            {
                if (silo.Address.Equals(statistic.SiloAddress))
                    counts[silo.Name] += statistic.ActivationCount;
            }
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        // Members first, the membership holder last, so the others leave a cluster that can still record it.
        for (var i = _silos.Count - 1; i >= 0; i--)
            await StopSiloAsync(_silos[i]);
    }
}

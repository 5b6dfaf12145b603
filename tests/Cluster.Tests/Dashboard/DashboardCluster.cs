using Cluster.Gateway.Security;
using Orleans;
using Orleans.Dashboard;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace Cluster.Tests.Dashboard;

/// <summary>
/// Two silos with the dashboard added, and a gateway that serves it to admins, shared by the tests of a class.
/// The tests need only what this exposes: the gateway's address, its keys, the silo count, and a way to make
/// grain calls the dashboard then reports.
/// </summary>
public sealed class DashboardCluster : IAsyncLifetime
{
    public const string AdminKey = "dashboard-test-admin-key";
    public const string ClientKey = "dashboard-test-client-key";
    public const int SiloCount = 2;

    private InProcessTestCluster? _silos;
    private DashboardGateway? _gateway;

    public Uri Address => _gateway!.Address;

    /// <summary>The grain type and method that <see cref="PlayAsync"/> calls, as the dashboard names them.</summary>
    public string GrainType => typeof(MatchScoreGrain).FullName!;

    public string GrainMethod => nameof(IMatchScoreGrain.RecordPointsAsync);

    /// <summary>Records points in several matches, so activations land on both silos.</summary>
    public Task PlayAsync(int matches) =>
        Task.WhenAll(Enumerable.Range(0, matches).Select(m => _silos!.Client.GetGrain<IMatchScoreGrain>(m).RecordPointsAsync(3)));

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.Options.UseRealEnvironmentStatistics = true;
        builder.ConfigureSilo((_, silo) => silo.AddDashboard());
        _silos = builder.Build();
        await _silos.DeployAsync();
        _gateway = await DashboardGateway.StartAsync(_silos.Options.ClusterId, _silos.Options.ServiceId,
            _silos.Silos.Select(s => s.GatewayAddress.ToGatewayUri()), new ApiKeys(AdminKey, [ClientKey]));
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        if (_silos is not null)
            await _silos.DisposeAsync();
    }
}

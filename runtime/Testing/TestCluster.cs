using Cluster.Runtime.Hosting;
using Cluster.Runtime.Membership;
using Cluster.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cluster.Runtime.Testing;

/// <summary>Options of a <see cref="TestCluster"/>.</summary>
public sealed class TestClusterOptions
{
    /// <summary>How many silos to start. More than one are networked over loopback TCP.</summary>
    public int Silos { get; set; } = 1;

    /// <summary>Network even a single silo (loopback TCP, placement on the ring).</summary>
    public bool Networked { get; set; }

    /// <summary>Applied to every silo's options.</summary>
    public Action<SiloOptions>? ConfigureSilo { get; set; }

    /// <summary>Services grains may take in their constructors.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>The default grain storage; in-memory unless set. It outlives silo restarts.</summary>
    public IGrainStorage? Storage { get; set; }
}

/// <summary>
/// Silos hosted in the test process with in-process membership and shared storage that survives restarts. Several
/// silos talk over real loopback TCP, so tests exercise placement, forwarding and hand-over as deployed.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private const string Secret = "test-cluster-shared-secret";
    private readonly TestClusterOptions _options;
    private readonly InProcessMembership _membership = new();
    private readonly GrainStorageRegistry _storage = new();
    private readonly List<(Silo Silo, ServiceProvider Services)> _silos = [];
    private readonly List<ClusterClient> _clients = [];
    private readonly string _clusterId = $"test-{Guid.NewGuid():N}";

    private TestCluster(TestClusterOptions options)
    {
        _options = options;
        _storage.Default = options.Storage ?? new MemoryGrainStorage();
    }

    /// <summary>The first running silo.</summary>
    public Silo Silo => _silos[0].Silo;

    public IReadOnlyList<Silo> Silos => _silos.Select(s => s.Silo).ToList();

    public IGrainFactory GrainFactory => Silo.GrainFactory;

    public GrainStorageRegistry Storage => _storage;

    public InProcessMembership Membership => _membership;

    private bool Networked => _options.Networked || _options.Silos > 1;

    public static async Task<TestCluster> StartAsync(Action<TestClusterOptions>? configure = null)
    {
        var options = new TestClusterOptions();
        configure?.Invoke(options);
        var cluster = new TestCluster(options);
        for (var i = 0; i < options.Silos; i++)
            await cluster.StartSiloAsync();
        return cluster;
    }

    /// <summary>Starts one more silo; with networking it joins the ring and takes over its segments.</summary>
    public async Task<Silo> StartSiloAsync(Action<SiloOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var siloOptions = new SiloOptions { ClusterId = _clusterId };
        if (Networked)
        {
            siloOptions.ListenEndpoint = "127.0.0.1:0";
            siloOptions.SharedSecret = Secret;
        }
        _options.ConfigureSilo?.Invoke(siloOptions);
        configure?.Invoke(siloOptions);
        var membership = _silos.Count == 0 && !Networked ? _membership : _membership.Participant();
        services.AddSingleton(siloOptions);
        services.AddSingleton<IClusterMembership>(membership);
        services.AddSingleton<IMembershipView>(membership);
        _options.ConfigureServices?.Invoke(services);
        var provider = services.BuildServiceProvider();
        var silo = new Silo(siloOptions, provider, _storage, membership, provider.GetRequiredService<ILoggerFactory>());
        await silo.StartAsync();
        _silos.Add((silo, provider));
        await SettleAsync();
        return silo;
    }

    /// <summary>A client that hosts nothing and sends calls straight to the grains' silos (as the gateway does).</summary>
    public async Task<ClusterClient> CreateClientAsync()
    {
        var client = new ClusterClient(new ClusterClientOptions { ClusterId = _clusterId, SharedSecret = Secret, ClientId = $"client:test-{_clients.Count}" },
            _membership.Participant());
        await client.StartAsync();
        _clients.Add(client);
        await SettleAsync();
        return client;
    }

    /// <summary>Stops a silo gracefully: its grains deactivate (state written by their OnDeactivateAsync) and move.</summary>
    public async Task StopSiloAsync(Silo silo)
    {
        var entry = _silos.Single(s => s.Silo == silo);
        await silo.StopAsync();
        await entry.Services.DisposeAsync();
        _silos.Remove(entry);
        await SettleAsync();
    }

    /// <summary>Waits until every silo and client follows the latest membership view (propagation is asynchronous).</summary>
    public async Task SettleAsync()
    {
        if (!Networked)
            return;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_silos.Any(s => s.Silo.ViewVersion < _membership.Version) || _clients.Any(c => c.ViewVersion < _membership.Version))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The test cluster's membership view did not settle within 10 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Stops the only silo gracefully and starts a fresh one on the same storage.</summary>
    public async Task RestartAsync()
    {
        foreach (var (silo, _) in _silos.ToList())
            await StopSiloAsync(silo);
        await StartSiloAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        foreach (var (silo, services) in Enumerable.Reverse(_silos).ToList())
        {
            await silo.StopAsync();
            await services.DisposeAsync();
        }
        _silos.Clear();
    }
}

using Cluster.Runtime.Hosting;
using Cluster.Runtime.Membership;
using Cluster.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cluster.Runtime.Testing;

/// <summary>Options of a <see cref="TestCluster"/>.</summary>
public sealed class TestClusterOptions
{
    /// <summary>Applied to every silo's options.</summary>
    public Action<SiloOptions>? ConfigureSilo { get; set; }

    /// <summary>Services grains may take in their constructors.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>The default grain storage; in-memory unless set. It outlives silo restarts.</summary>
    public IGrainStorage? Storage { get; set; }
}

/// <summary>
/// A silo hosted in the test process, with in-process membership and storage that survives restarts, so tests can
/// exercise activation, turns, storage and shutdown without a deployment.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions _options;
    private readonly InProcessMembership _membership = new();
    private readonly GrainStorageRegistry _storage = new();
    private ServiceProvider? _services;

    private TestCluster(TestClusterOptions options)
    {
        _options = options;
        _storage.Default = options.Storage ?? new MemoryGrainStorage();
    }

    public Silo Silo { get; private set; } = null!;

    public IGrainFactory GrainFactory => Silo.GrainFactory;

    public GrainStorageRegistry Storage => _storage;

    public static async Task<TestCluster> StartAsync(Action<TestClusterOptions>? configure = null)
    {
        var options = new TestClusterOptions();
        configure?.Invoke(options);
        var cluster = new TestCluster(options);
        await cluster.StartSiloAsync();
        return cluster;
    }

    private async Task StartSiloAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        _options.ConfigureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        var siloOptions = new SiloOptions();
        _options.ConfigureSilo?.Invoke(siloOptions);
        Silo = new Silo(siloOptions, _services, _storage, _membership, _services.GetRequiredService<ILoggerFactory>());
        await Silo.StartAsync();
    }

    /// <summary>Stops the silo gracefully and starts a fresh one on the same storage.</summary>
    public async Task RestartAsync()
    {
        await StopSiloAsync();
        await StartSiloAsync();
    }

    private async Task StopSiloAsync()
    {
        await Silo.StopAsync();
        if (_services is not null)
            await _services.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopSiloAsync();
}

using Cluster.Runtime.Catalog;
using Cluster.Runtime.Membership;
using Cluster.Runtime.Storage;
using Cluster.Runtime.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cluster.Runtime.Hosting;

/// <summary>
/// A silo: hosts activations of grains, sends and receives grain calls, announces itself to membership.
/// Stopping it deactivates every activation (running their OnDeactivateAsync) before it returns.
/// </summary>
public sealed class Silo : IAsyncDisposable
{
    private readonly SiloRuntime _runtime;
    private readonly InProcessMembership _membership;
    private readonly DateTimeOffset _startTime = DateTimeOffset.UtcNow;
    private ActivationCollector? _collector;
    private Timer? _heartbeat;
    private SiloStatus _status = SiloStatus.Joining;

    public Silo(SiloOptions options, IServiceProvider services, GrainStorageRegistry storage, InProcessMembership? membership = null, ILoggerFactory? loggerFactory = null)
    {
        options.Validate();
        if (string.IsNullOrEmpty(options.SiloId))
            options.SiloId = $"silo-{Guid.NewGuid():N}"[..17];
        Options = options;
        _membership = membership ?? new InProcessMembership();
        _runtime = new SiloRuntime(options, services, storage, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Cluster.Silo"));
    }

    public SiloOptions Options { get; }

    public IGrainFactory GrainFactory => _runtime.GrainFactory;

    public IMembershipView Membership => _membership;

    public SiloStatistics Statistics => _runtime.Statistics;

    public SiloStatus Status => _status;

    public int ActivationCount => _runtime.Catalog.Count;

    /// <summary>Calls sent and not yet answered.</summary>
    public int PendingCalls => _runtime.Dispatcher.PendingCount;

    /// <summary>Live activations per grain type.</summary>
    public Dictionary<string, int> ActivationsByType()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in _runtime.Catalog.All())
        {
            if (a.State is ActivationState.Invalid)
                continue;
            counts[a.ClassInfo.GrainType] = counts.GetValueOrDefault(a.ClassInfo.GrainType) + 1;
        }
        return counts;
    }

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _collector = new ActivationCollector(_runtime);
        _status = SiloStatus.Active;
        Announce();
        _heartbeat = new Timer(static s => ((Silo)s!).Announce(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _runtime.Logger.LogInformation("Silo {SiloId} of cluster {ClusterId} started with roles [{Roles}]", Options.SiloId, Options.ClusterId, string.Join(",", Options.Roles));
        return Task.CompletedTask;
    }

    private void Announce() => _membership.Announce(new SiloInfo(Options.SiloId, Options.Endpoint, Options.Roles, _status, _startTime, ActivationCount, DateTimeOffset.UtcNow));

    /// <summary>Stops taking calls, deactivates every activation and waits for them (bounded by the deactivation timeout).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_status is SiloStatus.ShuttingDown or SiloStatus.Dead)
            return;
        _status = SiloStatus.ShuttingDown;
        Announce();
        _collector?.Dispose();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the silo is shutting down");
        var deactivations = new List<Task>();
        foreach (var a in _runtime.Catalog.All())
            deactivations.Add(a.StartDeactivation(reason));
        var all = Task.WhenAll(deactivations);
        var timeout = Task.Delay(Options.DeactivationTimeout, cancellationToken);
        if (await Task.WhenAny(all, timeout) != all)
            _runtime.Logger.LogWarning("Silo {SiloId} stopped with activations still deactivating", Options.SiloId);
        _runtime.Dispatcher.StopAccepting();
        _heartbeat?.Dispose();
        _status = SiloStatus.Dead;
        Announce();
        _runtime.Dispatcher.Dispose();
        _runtime.Logger.LogInformation("Silo {SiloId} stopped", Options.SiloId);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

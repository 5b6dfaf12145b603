using System.Net;
using Cluster.Runtime.Catalog;
using Cluster.Runtime.Membership;
using Cluster.Runtime.Messaging;
using Cluster.Runtime.Placement;
using Cluster.Runtime.Storage;
using Cluster.Runtime.Telemetry;
using Cluster.Runtime.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cluster.Runtime.Hosting;

/// <summary>
/// A silo: hosts activations of grains, sends and receives grain calls, and takes part in membership. In a
/// cluster (a listen endpoint is configured) it places grains on a hash ring over the active silos, forwards calls
/// for grains it does not own, and hands grains over when the ring changes. Stopping it deactivates every
/// activation (running their OnDeactivateAsync) before it leaves.
/// </summary>
public sealed class Silo : IAsyncDisposable
{
    private readonly SiloRuntime _runtime;
    private readonly IClusterMembership _membership;
    private readonly DateTimeOffset _startTime = DateTimeOffset.UtcNow;
    private readonly Lock _viewLock = new();
    private ActivationCollector? _collector;
    private MessageCenter? _messages;
    private PlacementDirector? _placement;
    private SiloStatus _status = SiloStatus.Joining;

    public Silo(SiloOptions options, IServiceProvider services, GrainStorageRegistry storage, IClusterMembership? membership = null, ILoggerFactory? loggerFactory = null)
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

    public IClusterMembership Membership => _membership;

    public SiloStatistics Statistics => _runtime.Statistics;

    public SiloStatus Status => _status;

    /// <summary>The address the cluster reaches this silo at ("in-process" without networking).</summary>
    public string Endpoint { get; private set; } = "in-process";

    public int ActivationCount => _runtime.Catalog.Count;

    /// <summary>The membership version placement currently follows (0 without networking).</summary>
    public long ViewVersion => _placement?.Version ?? 0;

    /// <summary>
    /// Live activations whose home, in the view this silo follows, is another silo: non-zero while a hand-over
    /// is under way.
    /// </summary>
    public int ActivationsAwayFromHome
    {
        get
        {
            if (_placement is not { } placement)
                return 0;
            var away = 0;
            foreach (var activation in _runtime.Catalog.All())
                if (activation.State != ActivationState.Invalid && IsAwayFromHome(activation, placement))
                    away++;
            return away;
        }
    }

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

    /// <summary>Whether this silo currently has an activation of the grain.</summary>
    public bool HasActivation(GrainId grain) => _runtime.Catalog.TryGetActivation(grain, out var a) && a!.State != ActivationState.Invalid;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Options.IsNetworked)
        {
            var transport = new TransportOptions { ClusterId = Options.ClusterId, SharedSecret = Options.SharedSecret, LocalIdentity = Options.SiloId };
            _messages = new MessageCenter(_runtime.Dispatcher, transport, _runtime.Logger);
            _messages.Listen(IPEndPoint.Parse(Options.ListenEndpoint));
            Endpoint = string.IsNullOrEmpty(Options.Endpoint) ? _messages.EndPoint!.ToString() : Options.Endpoint;
            _placement = new PlacementDirector(Options.SiloId);
            _runtime.Dispatcher.Placement = _placement;
            _runtime.Dispatcher.Messages = _messages;
            _membership.ViewChanged += OnViewChanged;
        }
        _membership.DeclaredDead += OnDeclaredDead;
        _collector = new ActivationCollector(_runtime);
        var self = new SiloInfo(Options.SiloId, Endpoint, Options.Roles, SiloStatus.Active, _startTime, 0, DateTimeOffset.UtcNow);
        await _membership.JoinAsync(self, () => ActivationCount, cancellationToken);
        _status = SiloStatus.Active;
        OnViewChanged(_membership.Current);
        _runtime.Logger.LogInformation("Silo {SiloId} of cluster {ClusterId} started at {Endpoint} with roles [{Roles}]",
            Options.SiloId, Options.ClusterId, Endpoint, string.Join(",", Options.Roles));
    }

    /// <summary>
    /// A new membership view: placement follows it, calls waiting on silos that died fail (callers retry), and
    /// activations whose home moved elsewhere deactivate so their next call reactivates them there.
    /// </summary>
    private void OnViewChanged(MembershipSnapshot view)
    {
        lock (_viewLock)
        {
            if (!_runtime.Dispatcher.FollowView(view, Options.SiloId) || _placement is null)
                return;
            // A view that shows this silo dead (or no longer lists it) is the cluster's verdict arriving before
            // OnDeclaredDead: its grains are dropped there, not handed over, which would write their state.
            if (_status != SiloStatus.Active || view.Find(Options.SiloId) is not { Status: not SiloStatus.Dead })
                return;
            var moved = new DeactivationReason(DeactivationReasonCode.PlacementChanged, "the grain's home moved to another silo");
            var handedOver = 0;
            foreach (var activation in _runtime.Catalog.All())
            {
                if (activation.State == ActivationState.Valid && IsAwayFromHome(activation, _placement))
                {
                    _ = activation.StartDeactivation(moved);
                    handedOver++;
                }
            }
            if (handedOver > 0)
                _runtime.Logger.LogInformation("Membership view {Version}: handing over {Count} activations", view.Version, handedOver);
        }
    }

    private static bool IsAwayFromHome(ActivationData activation, PlacementDirector placement)
    {
        if (activation.ClassInfo.IsStatelessWorker)
            return false;
        try
        {
            return !placement.IsLocal(placement.Place(activation.GrainId, activation.ClassInfo));
        }
        catch (NoCompatibleSiloException)
        {
            // No other silo can take it; it stays.
            return false;
        }
    }

    /// <summary>The cluster declared this silo dead: it stops serving at once, so two silos never serve one grain.</summary>
    private void OnDeclaredDead()
    {
        _runtime.Logger.LogError("Silo {SiloId} was declared dead by the cluster; it stops serving its grains", Options.SiloId);
        _status = SiloStatus.Dead;
        _runtime.Dispatcher.StopAccepting();
        _collector?.Dispose();
        var reason = new DeactivationReason(DeactivationReasonCode.DeclaredDead, "the silo was declared dead");
        foreach (var a in _runtime.Catalog.All())
            _ = a.StartDeactivation(reason);
    }

    /// <summary>Stops taking calls, deactivates every activation and waits for them (bounded by the deactivation timeout), then leaves.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_status is SiloStatus.ShuttingDown || _stopped)
            return;
        _stopped = true;
        var wasServing = _status == SiloStatus.Active;
        _status = SiloStatus.ShuttingDown;
        _collector?.Dispose();
        _runtime.Dispatcher.BeginShutdown();
        if (wasServing)
        {
            await _membership.ShuttingDownAsync(cancellationToken);
            var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the silo is shutting down");
            var deactivations = new List<Task>();
            foreach (var a in _runtime.Catalog.All())
                deactivations.Add(a.StartDeactivation(reason));
            var deadline = DateTime.UtcNow + Options.DeactivationTimeout;
            var all = Task.WhenAll(deactivations);
            if (await Task.WhenAny(all, Task.Delay(Options.DeactivationTimeout, cancellationToken)) != all)
                _runtime.Logger.LogWarning("Silo {SiloId} stopped with activations still deactivating", Options.SiloId);
            // Calls that waited for those activations went on to the grains' new homes and are answered through
            // this silo: leaving first would fail them at their callers.
            await DrainAsync(deadline, cancellationToken);
        }
        await _membership.LeaveAsync(cancellationToken);
        if (wasServing && _messages is not null)
        {
            // Callers that have not seen this silo leave still send to it: it forwards their calls to the grains'
            // homes until they stop coming, and answers them before it closes its connections.
            var lingerUntil = DateTime.UtcNow + LingerLimit;
            int seen;
            do
            {
                seen = _runtime.Dispatcher.CallsTracked;
                await Task.Delay(QuietPeriod, cancellationToken);
            }
            while (_runtime.Dispatcher.CallsTracked != seen && DateTime.UtcNow < lingerUntil);
            await DrainAsync(DateTime.UtcNow + Options.DeactivationTimeout, cancellationToken);
        }
        _runtime.Dispatcher.StopAccepting();
        _membership.ViewChanged -= OnViewChanged;
        _membership.DeclaredDead -= OnDeclaredDead;
        _status = SiloStatus.Dead;
        if (_messages is not null)
            await _messages.DisposeAsync();
        _runtime.Dispatcher.Dispose();
        _runtime.Logger.LogInformation("Silo {SiloId} stopped", Options.SiloId);
    }

    private bool _stopped;

    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LingerLimit = TimeSpan.FromSeconds(5);

    /// <summary>Waits until every call this silo took or sent is answered, or the deadline passes.</summary>
    private async Task DrainAsync(DateTime deadline, CancellationToken cancellationToken)
    {
        while (_runtime.Dispatcher.PendingCount > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(10, cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

using Cluster.Runtime.Catalog;
using Cluster.Runtime.Membership;
using Cluster.Runtime.Messaging;
using Cluster.Runtime.Placement;
using Cluster.Runtime.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cluster.Runtime.Hosting;

/// <summary>Settings of a <see cref="ClusterClient"/>.</summary>
public sealed class ClusterClientOptions
{
    public string ClusterId { get; set; } = "dev";

    public string SharedSecret { get; set; } = "";

    /// <summary>How this client presents itself to silos.</summary>
    public string ClientId { get; set; } = $"client:{Environment.MachineName}-{Environment.ProcessId}";

    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMilliseconds(50);
}

/// <summary>
/// A process that calls grains without hosting any (the gateway in a cluster): it follows membership and sends
/// each call straight to the grain's home silo; stateless workers are spread over the silos.
/// </summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IClusterMembership _membership;
    private readonly Dispatcher _dispatcher;
    private readonly MessageCenter _messages;
    private readonly PlacementDirector _placement = new(localSilo: null);

    public ClusterClient(ClusterClientOptions options, IClusterMembership membership, ILoggerFactory? loggerFactory = null)
    {
        _membership = membership;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Cluster.Client");
        _dispatcher = new Dispatcher(options.CallTimeout, options.DeadlineCheckInterval) { Placement = _placement };
        var transport = new TransportOptions { ClusterId = options.ClusterId, SharedSecret = options.SharedSecret, LocalIdentity = options.ClientId };
        _messages = new MessageCenter(_dispatcher, transport, logger);
        _dispatcher.Messages = _messages;
        GrainFactory = new GrainFactory(_dispatcher);
    }

    public IGrainFactory GrainFactory { get; }

    public IClusterMembership Membership => _membership;

    /// <summary>The membership version placement currently follows.</summary>
    public long ViewVersion => _placement.Version;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _membership.ViewChanged += OnViewChanged;
        await _membership.ObserveAsync(cancellationToken);
        OnViewChanged(_membership.Current);
    }

    private void OnViewChanged(MembershipSnapshot view) => _dispatcher.FollowView(view, localSilo: null);

    public async ValueTask DisposeAsync()
    {
        _membership.ViewChanged -= OnViewChanged;
        _dispatcher.StopAccepting();
        await _messages.DisposeAsync();
        _dispatcher.Dispose();
    }
}

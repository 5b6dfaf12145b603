using Cluster.Runtime.Hosting;
using Cluster.Runtime.Messaging;
using Cluster.Runtime.Serialization;
using Cluster.Runtime.Storage;
using Cluster.Runtime.Telemetry;
using Microsoft.Extensions.Logging;

namespace Cluster.Runtime.Catalog;

/// <summary>The parts of one silo that its activations use: services, storage, catalog, dispatcher, statistics.</summary>
internal sealed class SiloRuntime
{
    public SiloRuntime(SiloOptions options, IServiceProvider services, GrainStorageRegistry storage, ILogger logger)
    {
        Options = options;
        Services = services;
        Storage = storage;
        Logger = logger;
        Statistics = new SiloStatistics();
        Dispatcher = new Dispatcher(options.CallTimeout, options.DeadlineCheckInterval);
        GrainFactory = new GrainFactory(Dispatcher);
        Catalog = new Catalog(this);
        Dispatcher.Catalog = Catalog;
    }

    public SiloOptions Options { get; }

    public IServiceProvider Services { get; }

    public GrainStorageRegistry Storage { get; }

    public ILogger Logger { get; }

    public SiloStatistics Statistics { get; }

    public Dispatcher Dispatcher { get; }

    public GrainFactory GrainFactory { get; }

    public ClusterJson Json => Dispatcher.Json;

    public Catalog Catalog { get; }
}

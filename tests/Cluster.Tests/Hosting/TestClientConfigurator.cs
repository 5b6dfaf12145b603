using Cluster.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Cluster.Tests.Hosting;

/// <summary>The test cluster's client keeps the product's exception types, as the gateway does.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.KeepClusterExceptionTypes();
}

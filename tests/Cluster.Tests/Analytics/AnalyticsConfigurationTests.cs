using Cluster.Grains.Compute.Analytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cluster.Tests.Analytics;

public sealed class AnalyticsConfigurationTests
{
    private static async Task<Type> StoreTypeFor(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        await using var services = new ServiceCollection().AddExecutionAnalytics(configuration).BuildServiceProvider();
        return services.GetRequiredService<IExecutionStore>().GetType();
    }

    [Fact]
    public async Task Without_a_database_executions_are_kept_in_memory() =>
        Assert.Equal(typeof(MemoryExecutionStore), await StoreTypeFor(("Cluster:Storage:ConnectionString", "Host=127.0.0.1")));

    [Fact]
    public async Task The_analytics_connection_string_selects_postgresql() =>
        Assert.Equal(typeof(PostgresExecutionStore), await StoreTypeFor(("Cluster:Analytics:ConnectionString", "Host=127.0.0.1")));

    [Fact]
    public async Task PostgreSQL_grain_storage_lends_its_connection_string() =>
        Assert.Equal(typeof(PostgresExecutionStore), await StoreTypeFor(
            ("Cluster:Storage:Provider", "PostgreSQL"), ("Cluster:Storage:ConnectionString", "Host=127.0.0.1")));
}

using Cluster.Gateway.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cluster.Tests.Gateway;

public sealed class OperationsTests
{
    [Fact]
    public void The_generated_admin_key_is_reused_from_its_file_on_later_starts()
    {
        var file = Path.Combine(Path.GetTempPath(), "cluster-admin-key-" + Guid.NewGuid().ToString("N"), "admin-key");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:AdminKeyFile"] = file }).Build();
        try
        {
            ApiKeys.FromConfiguration(configuration, embedded: true);
            var first = File.ReadAllText(file).Trim();
            var second = ApiKeys.FromConfiguration(configuration, embedded: true);

            Assert.Equal(first, File.ReadAllText(file).Trim());
            Assert.True(second.IsAdmin(first));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public async Task Console_logs_are_single_lines_with_utc_timestamps_and_request_logging_is_off_by_default()
    {
        await using var gateway = await GatewayHost.StartAsync("--Logging:LogLevel:Default=Information");

        var console = gateway.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;
        var requests = gateway.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware");

        Assert.True(console.SingleLine);
        Assert.True(console.UseUtcTimestamp);
        Assert.StartsWith("yyyy-MM-ddTHH:mm:ss", console.TimestampFormat, StringComparison.Ordinal);
        Assert.False(requests.IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task Request_logging_turns_on_with_one_setting()
    {
        await using var gateway = await GatewayHost.StartAsync("--Logging:LogLevel:Microsoft.AspNetCore.HttpLogging=Information");

        var requests = gateway.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware");

        Assert.True(requests.IsEnabled(LogLevel.Information));
    }
}

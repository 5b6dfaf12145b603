using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Configuration.Memory;

namespace Cluster.Gateway.Logging;

/// <summary>
/// Console logs as one line per event with a UTC timestamp and the level. Requests are logged as one line each by
/// the HTTP logging middleware, which is off by default because the API serves high request rates: turn it on with
/// <c>Logging__LogLevel__Microsoft.AspNetCore.HttpLogging=Information</c>. Every default here yields to configuration.
/// </summary>
public static class GatewayLogging
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ ",
    };

    public static void UseGatewayLogging(this WebApplicationBuilder builder)
    {
        // Inserted first, so appsettings, environment variables and arguments all override these defaults.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        builder.Services.AddHttpLogging(options =>
        {
            options.CombineLogs = true;
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
        });
    }
}

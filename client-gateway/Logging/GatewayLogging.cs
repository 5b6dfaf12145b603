using Cluster.Silo.Logging;
using Microsoft.AspNetCore.HttpLogging;

namespace Cluster.Gateway.Logging;

/// <summary>
/// The gateway logs like the silos (<see cref="ConsoleLogDefaults"/>), without ASP.NET Core's several lines per
/// request. Requests are logged as one line each by the HTTP logging middleware, which is off by default because the
/// API serves high request rates: turn it on with <c>Logging__LogLevel__Microsoft.AspNetCore.HttpLogging=Information</c>.
/// </summary>
public static class GatewayLogging
{
    public static void UseGatewayLogging(this WebApplicationBuilder builder)
    {
        builder.UseConsoleLogDefaults(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" });
        builder.Services.AddHttpLogging(options =>
        {
            options.CombineLogs = true;
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
        });
    }
}

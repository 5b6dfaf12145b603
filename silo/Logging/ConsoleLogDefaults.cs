using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Cluster.Silo.Logging;

/// <summary>
/// Console logs as one line per event, led by a UTC timestamp and the level. These are defaults: appsettings,
/// environment variables (e.g. <c>Logging__Console__FormatterName=json</c>) and arguments override them.
/// </summary>
public static class ConsoleLogDefaults
{
    public static void UseConsoleLogDefaults(this IHostApplicationBuilder builder, IReadOnlyDictionary<string, string?>? more = null)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
            ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ ",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
            defaults[key] = value;
        // First in line, so every other source overrides these.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
    }
}

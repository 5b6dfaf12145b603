using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cluster.Bench;

/// <summary>
/// What resolving a tenant key costs a request, against the Release gateway started as a child process (embedded
/// silo): sequential <c>GET /api/v1/tenants/{id}</c> with the admin key (no key lookup: the baseline) and with the
/// tenant's key (SHA-256 and one <c>IApiKeyGrain</c> call first), in alternating rounds; latency percentiles of each.
/// Usage: <c>tenant-keys [--requests N] [--rounds N]</c>.
/// </summary>
internal static class TenantKeysMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BenchOptions.IntOption(args, "--requests", 2_000);
        var rounds = BenchOptions.IntOption(args, "--rounds", 3);
        using var gateway = await GatewayProcess.StartAsync();
        using var admin = gateway.Client();
        var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { name = "bench" });
        created.EnsureSuccessStatusCode();
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var path = $"/api/v1/tenants/{body["id"]!.GetValue<string>()}";
        using var tenant = gateway.Client(body["apiKey"]!.GetValue<string>());

        await TimeAsync(admin, path, requests / 4);
        await TimeAsync(tenant, path, requests / 4);
        var adminP50 = new List<double>();
        var adminP99 = new List<double>();
        var tenantP50 = new List<double>();
        var tenantP99 = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var (a50, a99) = await TimeAsync(admin, path, requests);
            var (t50, t99) = await TimeAsync(tenant, path, requests);
            adminP50.Add(a50);
            adminP99.Add(a99);
            tenantP50.Add(t50);
            tenantP99.Add(t99);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: admin key p50 {a50:F0} µs p99 {a99:F0} µs; tenant key p50 {t50:F0} µs p99 {t99:F0} µs"));
        }

        var baseline = BenchResult.Median(adminP50);
        var withLookup = BenchResult.Median(tenantP50);
        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "tenant-keys",
            ["cores"] = Environment.ProcessorCount,
            ["requests_per_round"] = requests,
            ["rounds"] = rounds,
            ["admin_key_p50_us"] = Math.Round(baseline),
            ["admin_key_p99_us"] = Math.Round(BenchResult.Median(adminP99)),
            ["tenant_key_p50_us"] = Math.Round(withLookup),
            ["tenant_key_p99_us"] = Math.Round(BenchResult.Median(tenantP99)),
            ["tenant_vs_admin_p50"] = Math.Round(withLookup / baseline, 2),
        });
    }

    /// <summary>p50 and p99 in microseconds of <paramref name="requests"/> sequential GETs, each required to succeed.</summary>
    private static async Task<(double P50, double P99)> TimeAsync(HttpClient http, string path, int requests)
    {
        var micros = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            micros.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        micros.Sort();
        return (micros[micros.Count / 2], micros[(int)(micros.Count * 0.99)]);
    }
}

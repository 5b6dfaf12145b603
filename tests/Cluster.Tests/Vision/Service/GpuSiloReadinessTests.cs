using System.Net;
using System.Text.Json;
using Cluster.Grains.Vision.Devices;
using Cluster.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cluster.Tests.Vision.Service;

/// <summary>A gpu silo process's /readyz lists its vision devices and turns 503 once none is healthy.</summary>
public sealed class GpuSiloReadinessTests
{
    [Fact]
    public async Task Readiness_lists_the_devices_and_fails_once_the_only_device_has_failed()
    {
        await using var app = SiloApp.Build(["--Cluster:ClusterId=gpu-readiness", "--Cluster:Roles:0=gpu"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };

        var ready = await http.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        app.Services.GetRequiredService<VisionDevices>().MarkFailed("cpu0", "test: the device stopped answering");
        var failed = await http.GetAsync("/readyz");
        var detail = await failed.Content.ReadAsStringAsync();
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var device = Assert.Single(body.RootElement.GetProperty("devices").EnumerateArray());
        Assert.Equal("cpu0", device.GetProperty("device").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("stopped answering", detail, StringComparison.Ordinal);
    }
}

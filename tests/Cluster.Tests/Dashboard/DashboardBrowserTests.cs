using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cluster.Tests.Dashboard;

public sealed class DashboardBrowserTests(DashboardCluster cluster, ITestOutputHelper output) : IClassFixture<DashboardCluster>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_admin_signs_in_and_sees_both_silos_and_the_grain_calls()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = cluster.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
        });
        context.SetDefaultTimeout((float)Limit.TotalMilliseconds);
        SetDefaultExpectTimeout((float)Limit.TotalMilliseconds);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/dashboard/");
        Assert.EndsWith("/dashboard/sign-in", page.Url);

        var refused = await SubmitKeyAsync(page, "not-the-admin-key");
        Assert.Equal((int)HttpStatusCode.Unauthorized, refused.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That is not the admin key.");

        await SubmitKeyAsync(page, DashboardCluster.AdminKey);
        await page.WaitForURLAsync("**/dashboard/");
        var session = Assert.Single(await context.CookiesAsync(), c => c.Name == "cluster-dashboard");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.DoesNotContain(DashboardCluster.AdminKey, Uri.UnescapeDataString(session.Value));

        await page.GotoAsync("/dashboard/#/silos");
        var health = page.Locator(".card", new() { HasText = "Silo Health" });
        await Expect(health.Locator("a[href^='#/host/']")).ToHaveCountAsync(DashboardCluster.SiloCount);
        await Expect(health.Locator(".label-success", new() { HasText = "Active" })).ToHaveCountAsync(DashboardCluster.SiloCount);
        await ScreenshotAsync(page, "dashboard-silos.png");

        // The silos profile grain calls only while the dashboard is being read, so calls keep coming until they show.
        await page.GotoAsync("/dashboard/#/grains");
        var grain = page.Locator("tr", new() { Has = page.Locator($"a[href='#/grain/{cluster.GrainType}']") });
        await PlayUntilAsync(async () => await grain.CountAsync() == 1 && await grain.Locator("td").Nth(4).InnerTextAsync() != "0.00 req/sec",
            "the grains page lists the match score grain with calls");
        await ScreenshotAsync(page, "dashboard-grains.png");

        await page.GotoAsync("/dashboard/#/");
        await Expect(page.Locator(".info-box", new() { HasText = "Active Silos" }).Locator(".info-box-number"))
            .ToHaveTextAsync(DashboardCluster.SiloCount.ToString(CultureInfo.InvariantCulture));
        var mostCalled = page.Locator(".card", new() { HasText = "Methods with Most Calls" });
        await PlayUntilAsync(async () => (await mostCalled.InnerTextAsync()).Contains(cluster.GrainMethod, StringComparison.Ordinal),
            "the overview lists the match score method among the most called");
        await ScreenshotAsync(page, "dashboard-overview.png");
    }

    [Theory]
    [InlineData("DashboardCounters")]
    [InlineData("ClusterStats")]
    [InlineData("TopGrainMethods")]
    [InlineData("GrainTypes")]
    [InlineData("GrainState?grainType=x&grainId=0")]
    [InlineData("LifecycleStages")]
    [InlineData("Reminders")]
    [InlineData("Trace")]
    [InlineData("version")]
    [InlineData("")]
    [InlineData("no-such-page")]
    public async Task Dashboard_requests_without_the_admin_key_get_a_401_problem(string path)
    {
        foreach (var key in new[] { null, DashboardCluster.ClientKey, "not-a-key" })
        {
            using var client = Client(key);

            var response = await client.GetAsync("/dashboard/" + path);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_script_with_the_admin_key_reads_the_dashboard_counters()
    {
        using var client = Client(DashboardCluster.AdminKey);

        // The dashboard gathers its counters on a timer, so a cluster that has just started reports its silos a moment later.
        var hosts = -1;
        for (var attempt = 0; attempt < 150 && hosts != DashboardCluster.SiloCount; attempt++)
        {
            if (attempt > 0)
                await Task.Delay(200);
            var response = await client.GetAsync("/dashboard/DashboardCounters");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            hosts = counters.RootElement.GetProperty("totalActiveHostCount").GetInt32();
        }

        Assert.Equal(DashboardCluster.SiloCount, hosts);
    }

    [Fact]
    public async Task A_browser_without_a_session_is_sent_to_sign_in()
    {
        using var client = Client(key: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Add("Accept", "text/html");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/sign-in", response.Headers.Location?.OriginalString);
    }

    private static Task<IResponse> SubmitKeyAsync(IPage page, string key) =>
        page.RunAndWaitForResponseAsync(async () =>
        {
            await page.FillAsync("#key", key);
            await page.ClickAsync("button[type=submit]");
        }, r => r.Request.Method == "POST" && r.Url.EndsWith("/dashboard/sign-in", StringComparison.Ordinal));

    private async Task PlayUntilAsync(Func<Task<bool>> shown, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            await cluster.PlayAsync(matches: 20);
            if (await shown())
                return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Waited {Limit.TotalSeconds:F0} s, and still not: {what}");
            await Task.Delay(500);
        }
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(TestArtifacts.Folder(), name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private HttpClient Client(string? key)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = cluster.Address };
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }
}

using Microsoft.Playwright;
using Xunit;

namespace Cluster.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download is not used: deploy/install.sh installs
/// the chromium package, and a machine without it fails the test rather than skipping what it checks.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
            Assert.Fail($"Chromium is not installed at {ExecutablePath}; run deploy/install.sh (Debian package chromium).");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // No sandbox: tests run as root. The rest keeps the browser from reaching out to the network.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }
}

using System.Diagnostics;
using Xunit;

namespace Cluster.Tests.Membership;

/// <summary>
/// Waits for a condition that membership reaches asynchronously. The limit is generous, only there to fail a broken
/// run: under the full suite on 2 cores, the Redis client's reconnect after an outage has taken over 20 s.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var max = limit ?? Limit;
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > max)
                Assert.Fail($"Waited {max.TotalSeconds:F0} s, and still not: {what}");
            await Task.Delay(20);
        }
    }
}

using Cluster.Runtime.Membership;
using Xunit;

namespace Cluster.Tests.Membership;

public sealed class RedisMembershipOptionsTests
{
    [Theory]
    [InlineData("ConnectionString")]
    [InlineData("ClusterId")]
    [InlineData("HeartbeatInterval")]
    [InlineData("MissedHeartbeatsBeforeDead")]
    [InlineData("RefreshInterval")]
    [InlineData("DeadSiloRetention")]
    public void An_invalid_setting_is_rejected_naming_the_setting(string field)
    {
        var options = new RedisMembershipOptions();
        switch (field)
        {
            case "ConnectionString": options.ConnectionString = "127.0.0.1:6379,noSuchKeyword=1"; break;
            case "ClusterId": options.ClusterId = "game{eu}"; break;
            case "HeartbeatInterval": options.HeartbeatInterval = TimeSpan.Zero; break;
            case "MissedHeartbeatsBeforeDead": options.MissedHeartbeatsBeforeDead = 1; break;
            case "RefreshInterval": options.RefreshInterval = TimeSpan.Zero; break;
            case "DeadSiloRetention": options.DeadSiloRetention = TimeSpan.FromSeconds(-1); break;
        }

        var e = Assert.Throws<RedisMembershipOptionsException>(() => new RedisMembership(options));

        Assert.Equal(field, e.Field);
        Assert.Contains($"Membership:{field}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_settings_declare_a_silent_silo_dead_after_three_seconds()
    {
        var options = new RedisMembershipOptions();

        Assert.Equal(TimeSpan.FromSeconds(3), options.DeadAfter);
    }

    [Fact]
    public async Task Shutting_down_or_leaving_before_joining_is_refused()
    {
        await using var membership = new RedisMembership(new RedisMembershipOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(() => membership.ShuttingDownAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => membership.LeaveAsync(CancellationToken.None));
    }
}

using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;

namespace Cluster.Tests.ActorCore;

public sealed class LifecycleSubsystemTests
{
    private static readonly LifecycleSubsystem Lifecycle = new();

    [Theory]
    [InlineData(0, 80, "youth")]
    [InlineData(15.9, 80, "youth")]
    [InlineData(16, 80, "prime")]
    [InlineData(47.9, 80, "prime")]
    [InlineData(48, 80, "elder")]
    [InlineData(79.9, 80, "elder")]
    [InlineData(80, 80, "beyond_lifespan")]
    [InlineData(500, 80, "beyond_lifespan")]
    public void The_life_stage_follows_the_fraction_of_the_lifespan_lived(double age, double lifespan, string stage) =>
        Assert.Equal(stage, Lifecycle.Contribute(Actor(age, lifespan)).Meta.Stage);

    [Fact]
    public void Lifespan_is_a_flat_lifespan_years_contribution()
    {
        var output = Lifecycle.Contribute(Actor(30, 120));

        var lifespan = Assert.Single(output.Primary, c => c.Dimension == "lifespan_years");
        Assert.Equal(Bucket.Flat, lifespan.Bucket);
        Assert.Equal(120, lifespan.Value);
        Assert.Equal(LifecycleSubsystem.Name, output.Meta.System);
    }

    [Fact]
    public void Elders_trade_strength_and_speed_for_intelligence_and_spirit()
    {
        var deltas = Lifecycle.Contribute(Actor(70, 90)).Primary
            .Where(c => c.Bucket == Bucket.Mult)
            .ToDictionary(c => c.Dimension, c => c.Value);

        Assert.Equal(new Dictionary<string, double> { ["strength"] = -0.2, ["move_speed"] = -0.1, ["intelligence"] = 0.1, ["spirit"] = 0.2 }, deltas);
    }

    [Fact]
    public void An_untracked_lifespan_of_zero_has_no_stage_and_no_modifiers()
    {
        var output = Lifecycle.Contribute(Actor(30, 0));

        Assert.Null(output.Meta.Stage);
        Assert.Equal("lifespan_years", Assert.Single(output.Primary).Dimension);
    }

    [Fact]
    public void Its_output_passes_the_engine_validator()
    {
        foreach (var age in new[] { 0.0, 20, 60, 100 })
        {
            Lifecycle.Contribute(Actor(age, 80)).Validate(CapLayerRegistry.Default);
        }
    }

    private static ActorRecord Actor(double age, double lifespan) => new()
    {
        Id = "a",
        Name = "A",
        Race = "elf",
        Lifespan = lifespan,
        Age = age,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        Version = 3,
    };
}

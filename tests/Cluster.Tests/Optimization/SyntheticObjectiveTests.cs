using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class SyntheticObjectiveTests
{
    [Fact]
    public void A_noisy_run_is_scored_on_the_exact_value_of_its_reported_best()
    {
        var noisy = SyntheticObjectives.Branin.WithNoise(5);

        for (var seed = 1; seed <= 5; seed++)
            Assert.True(noisy.SimpleRegret("random", 30, seed) >= 0, $"seed {seed}");
    }

    [Fact]
    public void Noise_changes_what_the_study_sees()
    {
        var exact = SyntheticObjectives.Branin.SimpleRegret("gp", 12, 4);
        var noisy = SyntheticObjectives.Branin.WithNoise(5).SimpleRegret("gp", 12, 4);

        Assert.NotEqual(exact, noisy);
        Assert.Equal("branin-noisy", SyntheticObjectives.Branin.WithNoise(5).Name);
    }
}

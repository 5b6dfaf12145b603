using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class BraninTests
{
    private static double MedianRegret(string sampler)
    {
        var regrets = new double[10];
        Parallel.For(0, regrets.Length, seed => regrets[seed] = SyntheticObjectives.Branin.SimpleRegret(sampler, 40, seed + 1));
        Array.Sort(regrets);
        return 0.5 * (regrets[4] + regrets[5]);
    }

    [Fact]
    public void Branin_is_minimal_at_its_three_known_minimisers()
    {
        Assert.Equal(0.397887, SyntheticObjectives.BraninValue(-Math.PI, 12.275), 1e-6);
        Assert.Equal(0.397887, SyntheticObjectives.BraninValue(Math.PI, 2.275), 1e-6);
        Assert.Equal(0.397887, SyntheticObjectives.BraninValue(9.42478, 2.475), 1e-6);
    }

    [Fact]
    public void Gaussian_process_sampler_finds_the_branin_minimum_within_40_trials_far_better_than_random_search()
    {
        var gp = MedianRegret("gp");
        var random = MedianRegret("random");

        Assert.True(gp <= 0.01, $"GP median simple regret {gp}");
        Assert.True(gp < random / 10, $"GP {gp} against random {random}");
    }
}

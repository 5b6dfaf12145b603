using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class HartmannTests
{
    [Fact]
    public void Hartmann6_is_minimal_at_its_known_minimiser()
    {
        Assert.Equal(-3.32237, SyntheticObjectives.Hartmann6Value([0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573]), 1e-5);
    }

    [Fact]
    public void Gaussian_process_sampler_reaches_the_hartmann6_optimum_within_60_trials_in_most_of_three_seeds()
    {
        var regrets = new double[3];
        Parallel.For(0, regrets.Length, s => regrets[s] = SyntheticObjectives.Hartmann6.SimpleRegret("gp", 60, s + 1));
        Array.Sort(regrets);

        Assert.True(regrets[1] <= 0.03, $"median simple regret {regrets[1]} of [{string.Join(", ", regrets)}]");
    }
}

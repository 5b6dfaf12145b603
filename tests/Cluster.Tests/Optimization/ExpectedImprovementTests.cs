using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class ExpectedImprovementTests
{
    [Theory]
    // (best − μ)·Φ(z) + s·φ(z), z = (best − μ)/s, with Φ and φ from tables:
    [InlineData(0.0, 1.0, 0.0, 0.3989422804014327)]     // z = 0: φ(0)
    [InlineData(0.0, 1.0, 1.0, 1.0833154705876864)]     // z = 1: Φ(1) + φ(1) = 0.8413447 + 0.2419707
    [InlineData(2.0, 0.5, 1.0, 0.004245351308414812)]   // z = −2: −Φ(−2) + 0.5·φ(−2) = −0.0227501 + 0.0269955
    [InlineData(0.3, 2.0, -1.0, 0.3107447752882045)]    // z = −0.65
    public void Value_matches_hand_computed_expected_improvement(double mean, double sd, double best, double expected)
    {
        Assert.Equal(expected, ExpectedImprovement.Value(mean, sd, best), 1e-12);
        Assert.Equal(Math.Log(expected), ExpectedImprovement.LogValue(mean, sd, best), 1e-10);
    }

    [Fact]
    public void Without_uncertainty_it_is_the_plain_improvement()
    {
        Assert.Equal(0.5, ExpectedImprovement.Value(1.0, 0, 1.5));
        Assert.Equal(0.0, ExpectedImprovement.Value(2.0, 0, 1.5));
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(-29.9)]
    [InlineData(-30.1)]
    [InlineData(-200)]
    public void Log_value_stays_finite_where_the_value_underflows(double z)
    {
        // For very negative z, h(z) = φ(z)·(1/z² − 3/z⁴ + …): compare with the first terms of that series.
        var expected = -0.5 * z * z - 0.5 * Math.Log(2 * Math.PI) - 2 * Math.Log(-z) + Math.Log(1 - 3 / (z * z));

        var logH = ExpectedImprovement.LogH(z);

        Assert.True(double.IsFinite(logH));
        Assert.Equal(expected, logH, Math.Abs(expected) * 1e-4);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(0.0)]
    [InlineData(-0.99)]
    [InlineData(-1.01)]
    [InlineData(-5.0)]
    [InlineData(-29.0)]
    [InlineData(-31.0)]
    [InlineData(-80.0)]
    public void Log_slope_is_the_derivative_of_log_h(double z)
    {
        const double h = 1e-5;
        var numeric = (ExpectedImprovement.LogH(z + h) - ExpectedImprovement.LogH(z - h)) / (2 * h);

        Assert.Equal(numeric, ExpectedImprovement.LogHSlope(z), Math.Max(1e-6, Math.Abs(numeric) * 1e-5));
    }
}

using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// Normal-Gamma posterior NG(μ, κ, α, β) over the mean m and precision τ of normally distributed observations:
/// τ ~ Gamma(α, rate β) and m | τ ~ Normal(μ, 1/(κτ)). <see cref="Mean"/> is the posterior mean of m and κ the
/// number of observations it is worth.
/// </summary>
[GenerateSerializer]
[Alias("Compute.NormalGammaPosterior")]
[Immutable]
public sealed record NormalGammaPosterior(double Mean, double Kappa, double Alpha, double Beta)
{
    /// <summary>
    /// The posterior after observing <paramref name="x"/>:
    /// μ' = (κμ + x)/(κ + 1), κ' = κ + 1, α' = α + ½, β' = β + κ(x − μ)² / (2(κ + 1)).
    /// </summary>
    public NormalGammaPosterior Update(double x)
    {
        var kappa = Kappa + 1;
        var deviation = x - Mean;
        return new NormalGammaPosterior(
            (Kappa * Mean + x) / kappa,
            kappa,
            Alpha + 0.5,
            Beta + Kappa * deviation * deviation / (2 * kappa));
    }

    /// <summary>Expected observation variance β / (α − 1), or +∞ while α ≤ 1.</summary>
    public double ExpectedVariance => Alpha > 1 ? Beta / (Alpha - 1) : double.PositiveInfinity;

    /// <summary>Whether the parameters form a proper distribution.</summary>
    public bool IsValid => double.IsFinite(Mean) && Kappa > 0 && Alpha > 0 && Beta > 0
        && double.IsFinite(Kappa) && double.IsFinite(Alpha) && double.IsFinite(Beta);
}

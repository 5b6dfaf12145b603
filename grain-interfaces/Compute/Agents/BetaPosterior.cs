using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>Beta(α, β) posterior of a success probability: each success adds 1 to α, each failure 1 to β.</summary>
[GenerateSerializer]
[Alias("Compute.BetaPosterior")]
[Immutable]
public sealed record BetaPosterior(double Alpha, double Beta)
{
    /// <summary>Uniform prior Beta(1, 1).</summary>
    public static BetaPosterior Uniform { get; } = new(1, 1);

    /// <summary>Posterior mean α / (α + β).</summary>
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>Posterior variance αβ / ((α + β)²(α + β + 1)).</summary>
    public double Variance
    {
        get
        {
            var total = Alpha + Beta;
            return Alpha * Beta / (total * total * (total + 1));
        }
    }

    /// <summary>The posterior after one more outcome.</summary>
    public BetaPosterior Update(bool success) => success ? this with { Alpha = Alpha + 1 } : this with { Beta = Beta + 1 };

    /// <summary>Whether the parameters form a proper distribution.</summary>
    public bool IsValid => Alpha > 0 && Beta > 0 && double.IsFinite(Alpha) && double.IsFinite(Beta);
}

namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>Budget and priors of an AB-MCTS run over an <see cref="IGenerativeProblem{TNode}"/>.</summary>
public sealed record AbMctsOptions
{
    /// <summary>Largest accepted iteration budget.</summary>
    public const int MaxIterations = 10_000_000;

    /// <summary>Score evaluations (each iteration scores exactly one node: a new child, or a dead-end leaf again).</summary>
    public int Iterations { get; init; } = 1_000;

    /// <summary>Seed of the search's own generator, which is also handed to the problem.</summary>
    public ulong Seed { get; init; }

    /// <summary>Score model.</summary>
    public ScoreModel Model { get; init; } = ScoreModel.Beta;

    /// <summary>Beta prior pseudo-counts (α₀, β₀) for <see cref="ScoreModel.Beta"/>; the default (½, ½) is Jeffreys'
    /// prior, which lets a single good score stand out more than the uniform (1, 1) would.</summary>
    public (double Alpha, double Beta) BetaPrior { get; init; } = (0.5, 0.5);

    /// <summary>Normal-Inverse-Gamma prior (μ₀, κ₀, α₀, β₀) for <see cref="ScoreModel.Gaussian"/>: mean μ₀ worth κ₀
    /// observations, variance ~ InvGamma(α₀, β₀). The default barely pulls towards its mean (κ₀ = 0.01), since the
    /// scale of unbounded scores is the problem's, and expects a score spread of about 0.3.</summary>
    public (double Mean, double Kappa, double Alpha, double Beta) GaussianPrior { get; init; } = (0.0, 0.01, 0.5, 0.05);

    /// <summary>Throws <see cref="SearchValidationException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (Iterations is < 1 or > MaxIterations)
        {
            throw new SearchValidationException("iterations", $"iterations must be between 1 and {MaxIterations:N0}; got {Iterations}.");
        }

        if (!Enum.IsDefined(Model))
        {
            throw new SearchValidationException("model", $"Unknown score model {Model}.");
        }

        if (!(BetaPrior.Alpha > 0) || !(BetaPrior.Beta > 0) || !double.IsFinite(BetaPrior.Alpha) || !double.IsFinite(BetaPrior.Beta))
        {
            throw new SearchValidationException("betaPrior", "Beta prior pseudo-counts must be positive and finite.");
        }

        var g = GaussianPrior;
        if (!double.IsFinite(g.Mean) || !(g.Kappa > 0) || !(g.Alpha > 0) || !(g.Beta > 0)
            || !double.IsFinite(g.Kappa) || !double.IsFinite(g.Alpha) || !double.IsFinite(g.Beta))
        {
            throw new SearchValidationException("gaussianPrior", "Gaussian prior needs a finite mean and positive finite κ, α, β.");
        }
    }
}

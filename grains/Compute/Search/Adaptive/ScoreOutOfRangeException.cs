using Orleans;

namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>A problem returned a score its score model cannot take (outside [0, 1] for Beta, or not finite).</summary>
[GenerateSerializer]
[Alias("Compute.Search.Adaptive.ScoreOutOfRangeException")]
public sealed class ScoreOutOfRangeException : Exception
{
    /// <summary>Creates the exception for <paramref name="score"/>.</summary>
    public ScoreOutOfRangeException(double score, ScoreModel model)
        : base(model == ScoreModel.Beta
            ? $"Score {score} is outside [0, 1], which the Beta score model requires; use the Gaussian model for unbounded scores."
            : $"Score {score} is not a finite number.")
    {
        Score = score;
    }

    /// <summary>The rejected score.</summary>
    [Id(0)]
    public double Score { get; }
}

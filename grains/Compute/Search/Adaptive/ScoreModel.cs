namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>Conjugate model of the scores behind each AB-MCTS option.</summary>
public enum ScoreModel
{
    /// <summary>Scores in [0, 1]; Beta posterior updated with α += s, β += 1 − s.</summary>
    Beta,

    /// <summary>Real scores; Normal-Inverse-Gamma posterior on the mean and variance, Thompson draws of the mean.</summary>
    Gaussian,
}

using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Agents.Models;

/// <summary>
/// What the planner reads from the agent models: posterior means and draws. It lives with the engine because the
/// models themselves are wire values that know nothing of the engine's random generator.
/// </summary>
public static class PosteriorSampling
{
    extension(BetaPosterior posterior)
    {
        /// <summary>A draw of the success probability.</summary>
        public double Sample(ref Xoshiro256 rng) => rng.NextBeta(posterior.Alpha, posterior.Beta);
    }

    extension(NormalGammaPosterior posterior)
    {
        /// <summary>A joint draw of (τ, m), returning m: the mean of the observations under one plausible model.</summary>
        public double SampleMean(ref Xoshiro256 rng)
        {
            var precision = rng.NextGamma(posterior.Alpha) / posterior.Beta;
            return posterior.Mean + rng.NextGaussian() / Math.Sqrt(posterior.Kappa * precision);
        }
    }

    extension(AgentModel model)
    {
        /// <summary>Posterior means, with latency and cost floored at 0.</summary>
        public AgentDraw Expected => new(model.Success.Mean, Math.Max(0, model.LatencyMs.Mean), Math.Max(0, model.Cost.Mean));

        /// <summary>One joint posterior draw of success probability, mean latency and mean cost (floored at 0).</summary>
        public AgentDraw Sample(ref Xoshiro256 rng)
            => new(model.Success.Sample(ref rng), Math.Max(0, model.LatencyMs.SampleMean(ref rng)), Math.Max(0, model.Cost.SampleMean(ref rng)));
    }
}

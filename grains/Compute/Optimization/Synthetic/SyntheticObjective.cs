using Cluster.GrainInterfaces.Compute.Optimization;
using MathNet.Numerics.Distributions;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>A standard test function with a known global minimum, for measuring how well a sampler optimises.</summary>
public sealed record SyntheticObjective(
    string Name,
    IReadOnlyList<ParameterSpec> Parameters,
    Func<IReadOnlyDictionary<string, ParameterValue>, double> Evaluate,
    double Minimum)
{
    /// <summary>Standard deviation of the Gaussian noise added to each reported value; 0 for the exact function.</summary>
    public double NoiseStandardDeviation { get; init; }

    /// <summary>The same function observed through Gaussian noise of standard deviation <paramref name="standardDeviation"/>.</summary>
    public SyntheticObjective WithNoise(double standardDeviation) =>
        this with { Name = $"{Name}-noisy", NoiseStandardDeviation = standardDeviation };

    /// <summary>
    /// Runs a single-objective minimisation study of <paramref name="trials"/> sequential ask/tell rounds and returns
    /// the simple regret: the exact value at the trial the study reports as best, minus <see cref="Minimum"/> (so a
    /// noisy run is scored on the truth, not on a lucky draw of the noise).
    /// </summary>
    public double SimpleRegret(string sampler, int trials, long seed)
    {
        var state = Study.Create(new StudySpec(Name, Parameters, [new ObjectiveSpec("value", "minimize")], sampler, seed), seed);
        var noise = SeedSequence.Random(~seed);
        for (var i = 0; i < trials; i++)
        {
            var (asked, trial) = Study.Ask(state);
            var reported = Evaluate(trial.Params) + (NoiseStandardDeviation > 0 ? Normal.Sample(noise, 0, NoiseStandardDeviation) : 0);
            state = Study.Tell(asked, trial.Id, TrialReport.Completed(reported));
        }
        return Evaluate(Study.Best(state)!.Params) - Minimum;
    }
}

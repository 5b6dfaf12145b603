using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>A standard test function with a known global minimum, for measuring how well a sampler optimises.</summary>
public sealed record SyntheticObjective(
    string Name,
    IReadOnlyList<ParameterSpec> Parameters,
    Func<IReadOnlyDictionary<string, ParameterValue>, double> Evaluate,
    double Minimum)
{
    /// <summary>
    /// Runs a single-objective minimisation study of <paramref name="trials"/> sequential ask/tell rounds and returns
    /// the simple regret: the best value found minus <see cref="Minimum"/>.
    /// </summary>
    public double SimpleRegret(string sampler, int trials, long seed)
    {
        var state = Study.Create(new StudySpec(Name, Parameters, [new ObjectiveSpec("value", "minimize")], sampler, seed), seed);
        for (var i = 0; i < trials; i++)
        {
            var (asked, trial) = Study.Ask(state);
            state = Study.Tell(asked, trial.Id, TrialReport.Completed(Evaluate(trial.Params)));
        }
        return Study.Best(state)!.Values[0] - Minimum;
    }
}

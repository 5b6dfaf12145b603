using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Cluster.Tests.Optimization;

public class ParetoTests
{
    private static readonly Objective[] MinMin = [new("cost", Direction.Minimize), new("latency", Direction.Minimize)];
    private static readonly Objective[] MinMax = [new("cost", Direction.Minimize), new("accuracy", Direction.Maximize)];

    private static Trial Complete(int id, params double[] values) =>
        new(id, TrialState.Complete, new Dictionary<string, ParameterValue>(), values);

    [Fact]
    public void Front_keeps_exactly_the_non_dominated_trials()
    {
        Trial[] trials =
        [
            Complete(0, 1, 5), // front
            Complete(1, 2, 2), // front
            Complete(2, 3, 3), // dominated by 1
            Complete(3, 5, 1), // front
            Complete(4, 2, 2), // equal to 1: stays
            Complete(5, 6, 6), // dominated
            new Trial(6, TrialState.Failed, new Dictionary<string, ParameterValue>(), []),
        ];

        Assert.Equal([0, 1, 3, 4], Pareto.Front(trials, MinMin));
    }

    [Fact]
    public void Front_honours_each_objectives_direction()
    {
        Trial[] trials = [Complete(0, 1, 0.9), Complete(1, 1, 0.8), Complete(2, 2, 0.95)];

        Assert.Equal([0, 2], Pareto.Front(trials, MinMax));
    }

    [Fact]
    public void Inserting_trials_one_by_one_gives_the_same_front_as_computing_it_at_once()
    {
        var values = Gen.Choose(0, 6).Select(v => (double)v).ArrayOf(3).ListOf().Select(l => l.ToArray());
        Prop.ForAll(values.ToArbitrary(), points =>
        {
            var objectives = new[] { new Objective("a", Direction.Minimize), new Objective("b", Direction.Maximize), new Objective("c", Direction.Minimize) };
            var trials = new Trial[points.Length];
            IReadOnlyList<int> front = [];
            for (var i = 0; i < points.Length; i++)
            {
                trials[i] = Complete(i, points[i]);
                front = Pareto.Insert(front, trials[i], trials, objectives);
            }
            return front.SequenceEqual(Pareto.Front(trials, objectives));
        }).QuickCheckThrowOnFailure();
    }
}

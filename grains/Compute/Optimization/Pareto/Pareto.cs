using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>Pareto dominance and the front of non-dominated completed trials, honouring each objective's direction.</summary>
public static class Pareto
{
    /// <summary>True when <paramref name="a"/> is at least as good as <paramref name="b"/> everywhere and better somewhere.</summary>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(objectives);
        var strictly = false;
        for (var i = 0; i < objectives.Count; i++)
        {
            var x = objectives[i].ToMinimised(a[i]);
            var y = objectives[i].ToMinimised(b[i]);
            if (x > y)
                return false;
            if (x < y)
                strictly = true;
        }
        return strictly;
    }

    /// <summary>Ids (ascending) of the completed trials no other completed trial dominates; equal trials all stay.</summary>
    public static IReadOnlyList<int> Front(IReadOnlyList<Trial> trials, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var front = new List<int>();
        foreach (var candidate in trials)
        {
            if (candidate.State != TrialState.Complete)
                continue;
            var dominated = false;
            foreach (var other in trials)
            {
                if (other.State == TrialState.Complete && Dominates(other.Values, candidate.Values, objectives))
                {
                    dominated = true;
                    break;
                }
            }
            if (!dominated)
                front.Add(candidate.Id);
        }
        return front;
    }

    /// <summary>
    /// The front after <paramref name="added"/> completed: unchanged if a member dominates it, otherwise it joins
    /// and the members it dominates leave. Equals <see cref="Front"/> over all trials, at O(front) cost.
    /// </summary>
    public static IReadOnlyList<int> Insert(IReadOnlyList<int> front, Trial added, IReadOnlyList<Trial> trials, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(trials);
        foreach (var id in front)
        {
            if (Dominates(trials[id].Values, added.Values, objectives))
                return front;
        }
        var next = new List<int>(front.Count + 1);
        foreach (var id in front)
        {
            if (!Dominates(added.Values, trials[id].Values, objectives))
                next.Add(id);
        }
        var at = next.BinarySearch(added.Id);
        next.Insert(at < 0 ? ~at : at, added.Id);
        return next;
    }
}

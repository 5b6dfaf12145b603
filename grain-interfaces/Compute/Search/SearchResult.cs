using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// Outcome of a game search. Rewards are in [0, 1] from the point of view of the side to move at the root:
/// 1 = win, 0.5 = draw, 0 = loss.
/// </summary>
/// <param name="BestMove">Most visited root move (ties: higher value, then lower move); -1 if no simulation ran.</param>
/// <param name="Value">Expected reward of the side to move when playing <paramref name="BestMove"/>: the mean reward of the simulations through it.</param>
/// <param name="Visits">Simulations through <paramref name="BestMove"/>.</param>
/// <param name="Iterations">Simulations run in total, over all workers.</param>
/// <param name="ElapsedMs">Wall-clock time of the search.</param>
/// <param name="Children">Every root move that was tried, most visited first (ties: lower move first).</param>
[GenerateSerializer]
[Alias("Compute.SearchResult")]
[Immutable]
public sealed record SearchResult(
    int BestMove,
    double Value,
    long Visits,
    long Iterations,
    double ElapsedMs,
    IReadOnlyList<MoveStatistics> Children)
{
    /// <summary>
    /// Combines independent root-parallel searches of the same position: visits and reward totals are summed per
    /// move, iterations are summed and the elapsed time is the longest part's.
    /// </summary>
    public static SearchResult Merge(IReadOnlyList<SearchResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var visitsByMove = new Dictionary<int, long>();
        var rewardByMove = new Dictionary<int, double>();
        long iterations = 0;
        double elapsedMs = 0;
        foreach (var part in parts)
        {
            iterations += part.Iterations;
            elapsedMs = Math.Max(elapsedMs, part.ElapsedMs);
            foreach (var child in part.Children)
            {
                visitsByMove[child.Move] = visitsByMove.GetValueOrDefault(child.Move) + child.Visits;
                rewardByMove[child.Move] = rewardByMove.GetValueOrDefault(child.Move) + child.Value * child.Visits;
            }
        }

        var children = new List<MoveStatistics>(visitsByMove.Count);
        foreach (var (move, visits) in visitsByMove)
        {
            children.Add(new MoveStatistics(move, visits, visits == 0 ? 0 : rewardByMove[move] / visits));
        }

        return FromChildren(children, iterations, elapsedMs);
    }

    /// <summary>Orders the root statistics (in place; the result keeps the list, so do not change it afterwards) and picks the best move.</summary>
    public static SearchResult FromChildren(List<MoveStatistics> children, long iterations, double elapsedMs)
    {
        children.Sort(static (a, b) => a.Visits != b.Visits ? b.Visits.CompareTo(a.Visits) : a.Move.CompareTo(b.Move));
        if (children.Count == 0)
        {
            return new SearchResult(-1, 0, 0, iterations, elapsedMs, children);
        }

        var best = children[0];
        for (var i = 1; i < children.Count && children[i].Visits == best.Visits; i++)
        {
            if (children[i].Value > best.Value)
            {
                best = children[i];
            }
        }

        return new SearchResult(best.Move, best.Value, best.Visits, iterations, elapsedMs, children);
    }
}

using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// Outcome of a game search. Rewards are in [0, 1] from the point of view of the side to move at the root:
/// 1 = win, 0.5 = draw, 0 = loss.
/// </summary>
/// <param name="BestMove">Most visited root move that proofs have not ruled out (ties: higher value, then lower move); a
/// move proven to win is chosen at once. -1 if no simulation ran.</param>
/// <param name="Value">Expected reward of the side to move when playing <paramref name="BestMove"/>: the mean reward of the simulations through it.</param>
/// <param name="Visits">Simulations through <paramref name="BestMove"/>.</param>
/// <param name="Iterations">Simulations run in total, over all workers.</param>
/// <param name="ElapsedMs">Wall-clock time of the search.</param>
/// <param name="Children">Every root move that was tried: those not ruled out first, each group most visited first (ties:
/// lower move first). A move is ruled out when its proven upper bound cannot beat the best proven lower bound of the
/// others, unless it reaches that bound itself.</param>
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
    /// move, proven bounds are intersected (each is a proof), iterations are summed and the elapsed time is the
    /// longest part's.
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
        var boundsByMove = new Dictionary<int, (double Lower, double Upper)>();
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
                var (lower, upper) = boundsByMove.GetValueOrDefault(child.Move, (0.0, 1.0));
                boundsByMove[child.Move] = (Math.Max(lower, child.Lower), Math.Min(upper, child.Upper));
            }
        }

        var children = new List<MoveStatistics>(visitsByMove.Count);
        foreach (var (move, visits) in visitsByMove)
        {
            var (lower, upper) = boundsByMove[move];
            children.Add(new MoveStatistics(move, visits, visits == 0 ? 0 : rewardByMove[move] / visits, lower, upper));
        }

        return FromChildren(children, iterations, elapsedMs);
    }

    /// <summary>Orders the root statistics (in place; the result keeps the list, so do not change it afterwards) and picks the best move.</summary>
    public static SearchResult FromChildren(List<MoveStatistics> children, long iterations, double elapsedMs)
    {
        var secured = 0.0;
        foreach (var child in children)
        {
            secured = Math.Max(secured, child.Lower);
        }

        children.Sort((a, b) =>
        {
            var aOut = IsRuledOut(a, secured);
            var bOut = IsRuledOut(b, secured);
            if (aOut != bOut)
            {
                return aOut ? 1 : -1;
            }

            return a.Visits != b.Visits ? b.Visits.CompareTo(a.Visits) : a.Move.CompareTo(b.Move);
        });
        if (children.Count == 0)
        {
            return new SearchResult(-1, 0, 0, iterations, elapsedMs, children);
        }

        var best = children[0];
        for (var i = 1; i < children.Count && children[i].Visits == best.Visits && !IsRuledOut(children[i], secured); i++)
        {
            if (children[i].Value > best.Value)
            {
                best = children[i];
            }
        }

        return new SearchResult(best.Move, best.Value, best.Visits, iterations, elapsedMs, children);
    }

    // A move whose best case is no better than what another move already guarantees, and that does not guarantee it itself.
    private static bool IsRuledOut(MoveStatistics move, double secured) => move.Upper <= secured && move.Lower < secured;
}

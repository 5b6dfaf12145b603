namespace Cluster.PerfectPlay;

/// <summary>
/// Reproducible sets of Connect Four positions that test a searcher's play: random games from the empty board,
/// stopped after a seeded number of plies, kept only when the side to move does not lose under perfect play, has no
/// move that wins at once, and has at least one move that would give the result away.
/// </summary>
internal static class ProbePositions
{
    /// <summary>Generates <paramref name="count"/> positions of <paramref name="minPlies"/> to
    /// <paramref name="maxPlies"/> stones from <paramref name="seed"/>, scored move by move by <paramref name="solver"/>.</summary>
    public static IReadOnlyList<ScoredPosition> Generate(int count, int seed, int minPlies, int maxPlies, ConnectFourSolver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        var random = new Random(seed);
        var positions = new List<ScoredPosition>(count);
        var moves = new char[maxPlies];
        while (positions.Count < count)
        {
            var plies = random.Next(minPlies, maxPlies + 1);
            if (!TryRandomGame(random, plies, moves, out var board))
            {
                continue;
            }

            if (board.CanWinNext)
            {
                continue;
            }

            var outcomes = solver.MoveOutcomes(board);
            var value = Outcome.Loss;
            var givesAway = false;
            foreach (var outcome in outcomes)
            {
                if (outcome is { } o && o > value)
                {
                    value = o;
                }
            }

            foreach (var outcome in outcomes)
            {
                givesAway |= outcome is { } o && o < value;
            }

            if (value != Outcome.Loss && givesAway)
            {
                positions.Add(new ScoredPosition(new string(moves, 0, plies), value, outcomes));
            }
        }

        return positions;
    }

    // Uniformly random moves; fails when a game ends before the wanted number of plies.
    private static bool TryRandomGame(Random random, int plies, char[] moves, out ConnectFourBoard board)
    {
        board = default;
        Span<int> playable = stackalloc int[ConnectFourBoard.Width];
        for (var ply = 0; ply < plies; ply++)
        {
            var count = 0;
            for (var column = 0; column < ConnectFourBoard.Width; column++)
            {
                if (board.CanPlay(column))
                {
                    playable[count++] = column;
                }
            }

            var chosen = playable[random.Next(count)];
            if (board.IsWinningMove(chosen))
            {
                return false;
            }

            board.Play(chosen);
            moves[ply] = (char)('1' + chosen);
        }

        return true;
    }
}

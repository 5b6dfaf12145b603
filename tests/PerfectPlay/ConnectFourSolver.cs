namespace Cluster.PerfectPlay;

/// <summary>
/// Perfect Connect Four solver: negamax with alpha-beta on bitboards, a transposition table of score bounds, move
/// ordering by threats (centre columns first on ties), and iterative deepening over the distance to the end of the
/// game. Scores follow the usual convention: a win with the side to move's k-th remaining stone scores
/// (22 − stones played by it) &gt; 0, a loss the negative, a draw 0. Not thread-safe: one instance per thread.
/// </summary>
internal sealed class ConnectFourSolver
{
    private const int MinScore = -(ConnectFourBoard.Cells / 2) + 3;
    private const int MaxScore = (ConnectFourBoard.Cells + 1) / 2 - 3;

    // How many plies each deepening step adds to the horizon within which wins and losses are looked for.
    private const int DeepeningStep = 6;

    /// <summary>Fewest stones of a position to solve: before the fourth stone, bounds could leave the table's score range.</summary>
    public const int MinimumMoves = 4;

    private static readonly int[] ColumnOrder = [3, 2, 4, 1, 5, 0, 6];

    private readonly SolverTable _table = new();

    /// <summary>Positions visited since construction.</summary>
    public long Nodes { get; private set; }

    /// <summary>
    /// The perfect-play result of <paramref name="board"/> for its side to move. Wins and losses that come within
    /// a short horizon are proven first with cheap null-window probes; the horizon deepens step by step, and a final
    /// probe around zero separates the remaining wins, draws and losses.
    /// </summary>
    /// <exception cref="ArgumentException">A position of fewer than <see cref="MinimumMoves"/> stones, whose scores the table cannot encode.</exception>
    public Outcome Solve(in ConnectFourBoard board)
    {
        if (board.MoveCount < MinimumMoves)
        {
            throw new ArgumentException($"The solver takes positions of at least {MinimumMoves} stones; this one has {board.MoveCount}.", nameof(board));
        }

        if (board.CanWinNext)
        {
            return Outcome.Win;
        }

        var remaining = ConnectFourBoard.Cells - board.MoveCount;
        for (var horizon = DeepeningStep; horizon < remaining; horizon += DeepeningStep)
        {
            var winScore = WinScoreWithin(board.MoveCount, horizon | 1);
            if (Negamax(board, winScore - 1, winScore) >= winScore)
            {
                return Outcome.Win;
            }

            var lossScore = -WinScoreWithin(board.MoveCount, horizon & ~1);
            if (Negamax(board, lossScore, lossScore + 1) <= lossScore)
            {
                return Outcome.Loss;
            }
        }

        if (Negamax(board, 0, 1) > 0)
        {
            return Outcome.Win;
        }

        return Negamax(board, -1, 0) >= 0 ? Outcome.Draw : Outcome.Loss;
    }

    /// <summary>The perfect-play result of each move for the side to move, by column (0-based); null for a full column.</summary>
    public Outcome?[] MoveOutcomes(in ConnectFourBoard board)
    {
        var outcomes = new Outcome?[ConnectFourBoard.Width];
        for (var column = 0; column < ConnectFourBoard.Width; column++)
        {
            if (!board.CanPlay(column))
            {
                continue;
            }

            if (board.IsWinningMove(column))
            {
                outcomes[column] = Outcome.Win;
                continue;
            }

            var next = board;
            next.Play(column);
            outcomes[column] = next.MoveCount == ConnectFourBoard.Cells ? Outcome.Draw : (Outcome)(-(int)Solve(next));
        }

        return outcomes;
    }

    /// <summary>Forgets every stored bound (the answers do not change; only the time they take).</summary>
    public void Reset() => _table.Clear();

    /// <summary>The least score that means the side to move wins within <paramref name="plies"/> plies (odd: it makes the last one).</summary>
    private static int WinScoreWithin(int moveCount, int plies) => (ConnectFourBoard.Cells + 2 - moveCount - plies) / 2;

    /// <summary>Exact score if it lies strictly between the bounds, otherwise a bound on the same side. The side to move must not be able to win at once.</summary>
    private int Negamax(in ConnectFourBoard board, int alpha, int beta)
    {
        Nodes++;
        var moves = board.NonLosingMoves();
        if (moves == 0)
        {
            return -(ConnectFourBoard.Cells - board.MoveCount) / 2;
        }

        if (board.MoveCount >= ConnectFourBoard.Cells - 2)
        {
            return 0;
        }

        var min = -(ConnectFourBoard.Cells - 2 - board.MoveCount) / 2;
        if (alpha < min)
        {
            alpha = min;
            if (alpha >= beta)
            {
                return alpha;
            }
        }

        var max = (ConnectFourBoard.Cells - 1 - board.MoveCount) / 2;
        var stored = _table.Get(board.Key);
        if (stored > MaxScore - MinScore + 1)
        {
            min = stored + 2 * MinScore - MaxScore - 2;
            if (alpha < min)
            {
                alpha = min;
                if (alpha >= beta)
                {
                    return alpha;
                }
            }
        }
        else if (stored != 0)
        {
            max = stored + MinScore - 1;
        }

        if (beta > max)
        {
            beta = max;
            if (alpha >= beta)
            {
                return beta;
            }
        }

        Span<ulong> cells = stackalloc ulong[ConnectFourBoard.Width];
        Span<int> scores = stackalloc int[ConnectFourBoard.Width];
        var count = 0;
        for (var i = ColumnOrder.Length - 1; i >= 0; i--)
        {
            var cell = moves & ConnectFourBoard.ColumnCells(ColumnOrder[i]);
            if (cell == 0)
            {
                continue;
            }

            // Insertion sort, best first; equal scores keep the later-added (more central) column in front.
            var score = board.ThreatsAfter(cell);
            var at = count++;
            while (at > 0 && scores[at - 1] > score)
            {
                cells[at] = cells[at - 1];
                scores[at] = scores[at - 1];
                at--;
            }

            cells[at] = cell;
            scores[at] = score;
        }

        for (var i = count - 1; i >= 0; i--)
        {
            var next = board;
            next.PlayCell(cells[i]);
            var score = -Negamax(next, -beta, -alpha);
            if (score >= beta)
            {
                _table.Put(board.Key, (byte)(score + MaxScore - 2 * MinScore + 2));
                return score;
            }

            if (score > alpha)
            {
                alpha = score;
            }
        }

        _table.Put(board.Key, (byte)(alpha - MinScore + 1));
        return alpha;
    }
}

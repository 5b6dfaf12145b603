using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.Search.Games;
using Cluster.PerfectPlay;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class ConnectFourSolverTests
{
    // Move sequences of each length from the empty board; a game that ends stops its sequence. Before the seventh
    // ply no column can fill and nobody can win, so the counts are 7^n; at seven, the seven sequences that fill one
    // column in the first six plies lose their column.
    private static readonly long[] PerftCounts = [7, 49, 343, 2_401, 16_807, 117_649, 823_536, 5_673_234];

    private readonly ConnectFourSolver _solver = new();

    [Fact]
    public void Solver_board_counts_the_known_move_sequences_and_agrees_with_the_search_board()
    {
        for (var depth = 1; depth <= PerftCounts.Length; depth++)
        {
            Assert.Equal(PerftCounts[depth - 1], Perft(default(ConnectFourBoard), depth));
        }

        Assert.Equal(PerftCounts[^1], EnginePerft(ConnectFourState.Empty, PerftCounts.Length));
    }

    [Fact]
    public void Solver_board_and_search_board_agree_on_every_winning_move_of_random_games()
    {
        var random = new Random(17);
        for (var game = 0; game < 2_000; game++)
        {
            var board = default(ConnectFourBoard);
            var state = ConnectFourState.Empty;
            while (!state.IsTerminal)
            {
                for (var column = 0; column < ConnectFourBoard.Width; column++)
                {
                    Assert.Equal(state.IsLegal(column + 1), board.CanPlay(column));
                    if (board.CanPlay(column))
                    {
                        var next = state;
                        next.Apply(column + 1);
                        Assert.Equal(next.Winner == state.PlayerToMove, board.IsWinningMove(column));
                    }
                }

                int move;
                do
                {
                    move = random.Next(ConnectFourBoard.Width);
                }
                while (!board.CanPlay(move));

                state.Apply(move + 1);
                board.Play(move);
            }
        }
    }

    [Fact]
    public void Solver_matches_exhaustive_minimax_on_random_endgames()
    {
        var random = new Random(5);
        for (var i = 0; i < 100; i++)
        {
            var moves = RandomGames.OpenConnectFourPosition(random, 32 + random.Next(5));
            Assert.Equal(Minimax(ConnectFourPosition.Parse(moves)), (int)_solver.Solve(ConnectFourBoard.FromMoves(moves)));
        }
    }

    [Fact]
    public void The_position_value_is_the_best_move_outcome()
    {
        var random = new Random(8);
        for (var i = 0; i < 20; i++)
        {
            var moves = RandomGames.OpenConnectFourPosition(random, 16 + random.Next(8));
            var board = ConnectFourBoard.FromMoves(moves);
            var best = Outcome.Loss;
            foreach (var outcome in _solver.MoveOutcomes(board))
            {
                if (outcome is { } o && o > best)
                {
                    best = o;
                }
            }

            Assert.Equal(best, _solver.Solve(board));
        }
    }

    [Theory]
    // Positions of the probe set (a win, a draw) that search misjudges even at 3,000,000 iterations: the solver's
    // side must still get its result when it plays them out against search.
    [InlineData("45214521376754", 1)]
    [InlineData("323227433615155", 0)]
    public void The_solver_verdict_holds_when_played_out_against_search(string moves, int expectedOutcome)
    {
        var expected = (Outcome)expectedOutcome;
        var board = ConnectFourBoard.FromMoves(moves);
        Assert.Equal(expected, _solver.Solve(board));
        var state = ConnectFourPosition.Parse(moves);
        var solverSide = state.PlayerToMove;
        while (!state.IsTerminal)
        {
            int column;
            if (state.PlayerToMove == solverSide)
            {
                var outcomes = _solver.MoveOutcomes(board);
                column = Array.FindIndex(outcomes, o => o == expected);
            }
            else
            {
                column = Mcts.Search(state, new SearchOptions { Iterations = 20_000, Seed = 3 }).BestMove - 1;
            }

            state.Apply(column + 1);
            if (!state.IsTerminal)
            {
                board.Play(column);
            }
        }

        Assert.Equal(expected == Outcome.Win ? 1.0 : 0.5, state.Reward(solverSide));
    }

    [Fact]
    public void Probe_positions_are_reproducible_and_fit_their_definition()
    {
        var first = ProbePositions.Generate(3, 7, 16, 20, _solver);
        var second = ProbePositions.Generate(3, 7, 16, 20, new ConnectFourSolver());
        Assert.Equal(first.Select(p => p.Moves), second.Select(p => p.Moves));
        foreach (var position in first)
        {
            Assert.InRange(position.Moves.Length, 16, 20);
            Assert.NotEqual(Outcome.Loss, position.Value);
            Assert.Contains(position.MoveOutcomes, o => o is { } outcome && outcome < position.Value);
            Assert.Equal(position.Value, _solver.Solve(ConnectFourBoard.FromMoves(position.Moves)));
        }
    }

    [Fact]
    public void Solver_refuses_positions_its_table_cannot_score()
        => Assert.Throws<ArgumentException>(() => _solver.Solve(ConnectFourBoard.FromMoves("444")));

    private static long Perft(ConnectFourBoard board, int depth)
    {
        long count = 0;
        for (var column = 0; column < ConnectFourBoard.Width; column++)
        {
            if (!board.CanPlay(column))
            {
                continue;
            }

            if (depth == 1)
            {
                count++;
            }
            else if (!board.IsWinningMove(column))
            {
                var next = board;
                next.Play(column);
                count += Perft(next, depth - 1);
            }
        }

        return count;
    }

    private static long EnginePerft(ConnectFourState state, int depth)
    {
        Span<int> moves = stackalloc int[ConnectFourState.Columns];
        var legal = state.LegalMoves(moves);
        if (depth == 1)
        {
            return legal;
        }

        long count = 0;
        for (var i = 0; i < legal; i++)
        {
            var next = state;
            next.Apply(moves[i]);
            count += EnginePerft(next, depth - 1);
        }

        return count;
    }

    /// <summary>Plain minimax on the search engine's board: no pruning, no table, nothing shared with the solver.</summary>
    private static int Minimax(ConnectFourState state)
    {
        Span<int> moves = stackalloc int[ConnectFourState.Columns];
        var legal = state.LegalMoves(moves);
        var best = -1;
        for (var i = 0; i < legal && best < 1; i++)
        {
            var next = state;
            next.Apply(moves[i]);
            var value = next.IsTerminal ? (int)Math.Round(2 * next.Reward(state.PlayerToMove) - 1) : -Minimax(next);
            best = Math.Max(best, value);
        }

        return best;
    }
}

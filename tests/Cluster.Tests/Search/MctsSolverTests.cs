using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.Search.Games;
using Cluster.PerfectPlay;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class MctsSolverTests
{
    private readonly ConnectFourSolver _solver = new();

    [Theory]
    [InlineData(SearchAlgorithm.Uct)]
    [InlineData(SearchAlgorithm.AbMcts)]
    public void Proofs_on_connect_four_endgames_agree_with_the_perfect_solver(SearchAlgorithm algorithm)
    {
        var random = new Random(21);
        var solvedRoots = 0;
        for (var i = 0; i < 12; i++)
        {
            var moves = RandomGames.OpenConnectFourPosition(random, 28 + random.Next(6));
            var board = ConnectFourBoard.FromMoves(moves);
            var truth = _solver.MoveOutcomes(board);
            var result = Mcts.Search(
                ConnectFourPosition.Parse(moves),
                new SearchOptions { Algorithm = algorithm, Iterations = 200_000, Seed = (ulong)i + 1 });

            foreach (var child in result.Children)
            {
                var exact = Reward(truth[child.Move - 1]!.Value);
                Assert.InRange(exact, child.Lower, child.Upper);
            }

            if (result.Children[0].IsSolved && result.Iterations < 200_000)
            {
                solvedRoots++;
                Assert.Equal(Reward(_solver.Solve(board)), result.Children[0].Lower);
            }
        }

        Assert.True(solvedRoots >= 6, $"only {solvedRoots} of 12 endgames were solved");
    }

    [Theory]
    [InlineData(SearchAlgorithm.Uct)]
    [InlineData(SearchAlgorithm.AbMcts)]
    public void Tic_tac_toe_is_proven_a_draw_and_every_proof_matches_exhaustive_minimax(SearchAlgorithm algorithm)
    {
        var perfect = new PerfectTicTacToe();
        var result = Mcts.Search(TicTacToeState.Empty, new SearchOptions { Algorithm = algorithm, Iterations = 1_000_000, Seed = 4 });

        Assert.True(result.Iterations < 1_000_000, "the search should stop once the root is proven");
        Assert.True(result.Children[0].IsSolved);
        Assert.Equal(0.5, result.Children[0].Lower);
        foreach (var child in result.Children)
        {
            var exact = (perfect.ValueAfter(TicTacToeState.Empty, child.Move) + 1) / 2.0;
            Assert.InRange(exact, child.Lower, child.Upper);
        }
    }

    [Theory]
    [InlineData(SearchAlgorithm.Uct)]
    [InlineData(SearchAlgorithm.AbMcts)]
    public void A_winning_move_is_proven_and_played_at_once(SearchAlgorithm algorithm)
    {
        var result = Mcts.Search(ConnectFourPosition.Parse("121212"), new SearchOptions { Algorithm = algorithm, Iterations = 100_000, Seed = 2 });

        Assert.Equal(1, result.BestMove);
        Assert.Equal(1.0, result.Children[0].Lower);
        Assert.Equal(1, result.Iterations);
    }

    [Theory]
    [InlineData(SearchAlgorithm.Uct)]
    [InlineData(SearchAlgorithm.AbMcts)]
    public void An_open_three_on_the_bottom_row_is_proven_a_win_long_before_the_game_ends(SearchAlgorithm algorithm)
    {
        // x to move after 4, 4, 3, 3: a stone in column 2 or 5 threatens both ends of the bottom row, and only one can be blocked.
        var result = Mcts.Search(ConnectFourPosition.Parse("4433"), new SearchOptions { Algorithm = algorithm, Iterations = 100_000, Seed = 6 });

        Assert.Contains(result.BestMove, new[] { 2, 5 });
        Assert.Equal(1.0, result.Children[0].Lower);
        Assert.True(result.Iterations < 1_000, $"{result.Iterations} iterations");
    }

    [Fact]
    public void Without_proofs_nothing_is_proven_and_the_whole_budget_is_spent()
    {
        var result = Mcts.Search(
            ConnectFourPosition.Parse("121212"),
            new SearchOptions { Iterations = 5_000, Seed = 2, ProveOutcomes = false });

        Assert.Equal(5_000, result.Iterations);
        Assert.All(result.Children, child => Assert.Equal((0.0, 1.0), (child.Lower, child.Upper)));
    }

    [Fact]
    public void Shared_transposition_statistics_keep_root_visits_equal_to_the_iterations()
    {
        var options = new SearchOptions { Iterations = 30_000, Seed = 9 };
        var shared = Mcts.Search(ConnectFourPosition.Parse("44"), options with { ShareTranspositions = true });
        var separate = Mcts.Search(ConnectFourPosition.Parse("44"), options);

        Assert.Equal(30_000, shared.Children.Sum(c => c.Visits));
        Assert.NotEqual(separate.Children, shared.Children);
    }

    [Fact]
    public void Merge_intersects_proofs_and_ranks_a_proven_win_first_whatever_its_visits()
    {
        var a = new SearchResult(3, 0.6, 90, 100, 5, [new MoveStatistics(3, 90, 0.6), new MoveStatistics(4, 10, 0.5, 0.5, 1)]);
        var b = new SearchResult(4, 0.9, 30, 40, 6, [new MoveStatistics(3, 20, 0.5, 0, 0.5), new MoveStatistics(4, 20, 1.0, 1, 1)]);
        var merged = SearchResult.Merge([a, b]);

        Assert.Equal(4, merged.BestMove);
        Assert.Equal([4, 3], merged.Children.Select(c => c.Move));
        Assert.Equal(new MoveStatistics(4, 30, (10 * 0.5 + 20 * 1.0) / 30, 1, 1), merged.Children[0]);
        Assert.Equal((0.0, 0.5), (merged.Children[1].Lower, merged.Children[1].Upper));
    }

    [Fact]
    public void A_move_that_cannot_beat_a_proven_draw_is_ranked_after_it()
    {
        var result = SearchResult.FromChildren(
            [new MoveStatistics(1, 500, 0.55, 0, 0.5), new MoveStatistics(2, 100, 0.5, 0.5, 0.5), new MoveStatistics(3, 50, 0.4)],
            650,
            1);

        Assert.Equal([2, 3, 1], result.Children.Select(c => c.Move));
        Assert.Equal(2, result.BestMove);
    }

    private static double Reward(Outcome outcome) => ((int)outcome + 1) / 2.0;
}

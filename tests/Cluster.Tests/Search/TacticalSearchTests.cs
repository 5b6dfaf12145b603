using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class TacticalSearchTests
{
    public static TheoryData<string, string, string, int> Positions()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var algorithm in new[] { "uct", "ab-mcts" })
        {
            // Win at once rather than block the opponent's threat.
            data.Add("tictactoe", "xx.oo....", algorithm, 2);
            // Block the only threat.
            data.Add("tictactoe", "oo.x....x", algorithm, 2);
            // Vertical win, although the opponent also threatens one.
            data.Add("connect4", "121212", algorithm, 1);
            // Block a vertical three.
            data.Add("connect4", "12121", algorithm, 1);
            // Horizontal win.
            data.Add("connect4", "213147", algorithm, 5);
            // Block a horizontal three.
            data.Add("connect4", "21314", algorithm, 5);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void Finds_the_tactical_move_with_random_playouts(string game, string position, string algorithm, int expected)
    {
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var result = GameSearch.Run(new GameSearchRequest(game, position, algorithm, Iterations: 20_000, Seed: seed));
            Assert.Equal(expected, result.BestMove);
        }
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void Finds_the_tactical_move_with_heuristic_playouts(string game, string position, string algorithm, int expected)
    {
        var result = GameSearch.Run(new GameSearchRequest(game, position, algorithm, Iterations: 2_000, Seed: 11, Playout: "heuristic"));
        Assert.Equal(expected, result.BestMove);
    }

    [Fact]
    public void A_won_position_is_valued_near_one_for_the_side_to_move()
    {
        var result = GameSearch.Run(new GameSearchRequest("connect4", "121212", Iterations: 20_000, Seed: 5));
        Assert.True(result.Value > 0.95, $"value {result.Value}");
    }

    [Fact]
    public void A_lost_position_is_valued_near_zero_for_the_side_to_move()
    {
        // o to move; x threatens cells 2, 7 and 8 at once, so o cannot stop the next line.
        var result = GameSearch.Run(new GameSearchRequest("tictactoe", "xx.oxo...", Iterations: 50_000, Seed: 5));
        Assert.True(result.Value < 0.1, $"value {result.Value}");
    }

    [Fact]
    public void The_empty_tic_tac_toe_board_is_a_draw_under_search()
    {
        var result = GameSearch.Run(new GameSearchRequest("tictactoe", ".........", Iterations: 200_000, Seed: 3));
        Assert.InRange(result.Value, 0.4, 0.75);
    }
}

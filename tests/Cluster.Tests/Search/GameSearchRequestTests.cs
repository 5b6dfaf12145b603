using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class GameSearchRequestTests
{
    [Theory]
    [InlineData(null, ".........", null, null, null, null, "game")]
    [InlineData("chess", ".........", null, null, null, null, "game")]
    [InlineData("tictactoe", ".........", "minimax", null, null, null, "algorithm")]
    [InlineData("tictactoe", ".........", null, 0, null, null, "iterations")]
    [InlineData("tictactoe", ".........", null, 50_000_001, null, null, "iterations")]
    [InlineData("tictactoe", ".........", null, null, 10_001, null, "timeLimitMs")]
    [InlineData("tictactoe", ".........", null, null, 0, null, "timeLimitMs")]
    [InlineData("tictactoe", ".........", null, null, null, 0, "workers")]
    [InlineData("tictactoe", null, null, null, null, null, "position")]
    [InlineData("connect4", null, null, null, null, null, "position")]
    public void Invalid_fields_are_named(string? game, string? position, string? algorithm, int? iterations, int? timeLimitMs, int? workers, string field)
    {
        var request = new GameSearchRequest(game, position, algorithm, iterations, timeLimitMs, workers);
        Assert.Equal(field, Assert.Throws<SearchValidationException>(() => GameSearch.Run(request)).Field);
        Assert.Equal(field, Assert.Throws<SearchValidationException>(() => GameSearch.Validate(request)).Field);
    }

    [Fact]
    public void Bad_playout_and_exploration_are_named()
    {
        Assert.Equal("playout", Assert.Throws<SearchValidationException>(
            () => GameSearch.Run(new GameSearchRequest("tictactoe", ".........", Playout: "greedy"))).Field);
        Assert.Equal("exploration", Assert.Throws<SearchValidationException>(
            () => GameSearch.Run(new GameSearchRequest("tictactoe", ".........", Exploration: double.NaN))).Field);
    }

    [Theory]
    [InlineData("tictactoe", "xxx.oo...", 0)]
    [InlineData("tictactoe", "xoxxoooxx", -1)]
    [InlineData("connect4", "1212121", 0)]
    public void Finished_games_are_rejected(string game, string position, int winner)
    {
        var error = Assert.Throws<FinishedGameException>(() => GameSearch.Run(new GameSearchRequest(game, position)));
        Assert.Equal(winner, error.Winner);
        Assert.Equal("position", error.Field);
        Assert.Throws<FinishedGameException>(() => GameSearch.Validate(new GameSearchRequest(game, position)));
    }

    [Fact]
    public void Position_errors_surface_through_the_request()
    {
        var error = Assert.Throws<PositionFormatException>(() => GameSearch.Run(new GameSearchRequest("connect4", "12a")));
        Assert.Equal(2, error.Index);
        Assert.Throws<IllegalPositionException>(() => GameSearch.Run(new GameSearchRequest("tictactoe", "oo.......")));
    }

    [Fact]
    public void Worker_index_outside_the_workers_is_rejected()
    {
        var request = new GameSearchRequest("tictactoe", ".........", Workers: 2, Seed: 1);
        Assert.Equal("workerIndex", Assert.Throws<SearchValidationException>(() => GameSearch.RunWorker(request, 2)).Field);
    }

    [Fact]
    public void Names_are_case_insensitive_and_default_to_uct()
    {
        var result = GameSearch.Run(new GameSearchRequest("TicTacToe", "X...O....", "AB-MCTS", Iterations: 100, Seed: 1));
        Assert.Equal(100, result.Iterations);
        var uct = GameSearch.Run(new GameSearchRequest("Connect-Four", "", Iterations: 100, Seed: 1));
        Assert.InRange(uct.BestMove, 1, 7);
    }
}

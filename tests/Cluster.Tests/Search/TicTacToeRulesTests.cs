using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.Search.Games;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class TicTacToeRulesTests
{
    [Fact]
    public void Empty_board_has_nine_moves_and_x_to_move()
    {
        var state = TicTacToePosition.Parse(TicTacToePosition.Start);
        Span<int> moves = stackalloc int[9];
        Assert.Equal(9, state.LegalMoves(moves));
        Assert.Equal(0, state.PlayerToMove);
        Assert.False(state.IsTerminal);
    }

    [Fact]
    public void Side_to_move_follows_from_counts()
    {
        Assert.Equal(1, TicTacToePosition.Parse("x........").PlayerToMove);
        Assert.Equal(0, TicTacToePosition.Parse("xo.......").PlayerToMove);
    }

    [Theory]
    [InlineData("xxx.oo...", 0)]
    [InlineData("x.x.x.ooo", 1)]
    [InlineData("xo.xo.x..", 0)]
    [InlineData("ooox.x.x.", 1)]
    public void Completed_lines_end_the_game(string position, int winner)
    {
        var state = TicTacToePosition.Parse(position);
        Assert.True(state.IsTerminal);
        Assert.Equal(winner, state.Winner);
        Assert.Equal(1.0, state.Reward(winner));
        Assert.Equal(0.0, state.Reward(1 - winner));
    }

    [Fact]
    public void Full_board_without_line_is_a_draw()
    {
        var state = TicTacToePosition.Parse("xoxxoooxx");
        Assert.True(state.IsTerminal);
        Assert.Equal(-1, state.Winner);
        Assert.Equal(0.5, state.Reward(0));
        Assert.Equal(0.5, state.Reward(1));
    }

    [Fact]
    public void Applying_moves_matches_parsing_the_resulting_position()
    {
        var state = TicTacToeState.Empty;
        foreach (var move in new[] { 4, 0, 8, 2, 1 })
        {
            state.Apply(move);
        }

        Assert.Equal("oxo.x...x", TicTacToePosition.Format(state));
        Assert.Equal(TicTacToePosition.Parse("oxo.x...x"), state);
    }

    [Fact]
    public void Winning_move_finds_the_completing_cell_only_if_empty()
    {
        var state = TicTacToePosition.Parse("xx.oo....");
        Assert.Equal(2, state.WinningMove(0));
        Assert.Equal(5, state.WinningMove(1));
        Assert.Equal(-1, TicTacToePosition.Parse("xxo.o....").WinningMove(0));
    }

    [Fact]
    public void Winning_move_count_counts_empty_completing_cells()
    {
        // x on 0, 2 and 6 completes at 1 and 4 (3 is o's); o has no two in a line.
        var fork = TicTacToePosition.Parse("x.xo..x.o");
        Assert.Equal(2, fork.WinningMoveCount(0));
        Assert.Equal(0, fork.WinningMoveCount(1));
    }

    [Fact]
    public void Illegal_moves_are_reported_as_illegal()
    {
        var state = TicTacToePosition.Parse("x........");
        Assert.False(state.IsLegal(0));
        Assert.False(state.IsLegal(9));
        Assert.False(state.IsLegal(-1));
        Assert.True(state.IsLegal(8));
        Assert.False(TicTacToePosition.Parse("xxx.oo...").IsLegal(8));
    }

    [Fact]
    public void Wrong_length_is_a_format_error()
    {
        var error = Assert.Throws<PositionFormatException>(() => TicTacToePosition.Parse("xo."));
        Assert.Equal(-1, error.Index);
        Assert.Equal("position", error.Field);
        Assert.Contains("9 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_character_names_its_index()
    {
        var error = Assert.Throws<PositionFormatException>(() => TicTacToePosition.Parse("xo..z...."));
        Assert.Equal(4, error.Index);
        Assert.Contains("index 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("o........", "x moves first")]
    [InlineData("xxx......", "x moves first")]
    [InlineData("xxxooo...", "Both x and o")]
    [InlineData("xxxoo.o..", "o moved afterwards")]
    [InlineData("ooox.xx.x", "x moved afterwards")]
    public void Unreachable_positions_are_illegal(string position, string reason)
    {
        var error = Assert.Throws<IllegalPositionException>(() => TicTacToePosition.Parse(position));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_position_names_the_field()
    {
        var error = Assert.Throws<SearchValidationException>(() => TicTacToePosition.Parse(null));
        Assert.Equal("position", error.Field);
    }
}

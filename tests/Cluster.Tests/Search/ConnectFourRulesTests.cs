using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.Search.Games;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class ConnectFourRulesTests
{
    [Fact]
    public void Stones_fall_to_the_lowest_free_row()
    {
        var state = ConnectFourPosition.Parse("4445");
        Assert.Equal(0, state.StoneAt(4, 1));
        Assert.Equal(1, state.StoneAt(4, 2));
        Assert.Equal(0, state.StoneAt(4, 3));
        Assert.Equal(1, state.StoneAt(5, 1));
        Assert.Equal(-1, state.StoneAt(5, 2));
        Assert.Equal(0, state.PlayerToMove);
    }

    [Theory]
    [InlineData("1212121", 0)]
    [InlineData("2131415", 0)]
    [InlineData("12234334544", 0)]
    [InlineData("76654554344", 0)]
    [InlineData("71122334", 1)]
    public void Four_in_a_row_in_every_direction_wins(string moves, int winner)
    {
        var state = ConnectFourPosition.Parse(moves);
        Assert.Equal(winner, state.Winner);
        Assert.True(state.IsTerminal);
        Assert.Equal(1.0, state.Reward(winner));
        Assert.Equal(0.0, state.Reward(1 - winner));
    }

    [Fact]
    public void Three_in_a_row_does_not_win()
    {
        var state = ConnectFourPosition.Parse("123456712345671");
        Assert.Equal(-1, state.Winner);
        Assert.False(state.IsTerminal);
    }

    [Fact]
    public void Lines_do_not_wrap_between_columns()
    {
        // The first player owns the top three cells of column 1 and the bottom cell of column 2: consecutive cells
        // in a naive 6-rows-per-column packing, but no line on the board.
        var state = ConnectFourPosition.Parse("21315114161");
        Assert.Equal(0, state.StoneAt(1, 6));
        Assert.Equal(0, state.StoneAt(2, 1));
        Assert.Equal(-1, state.Winner);
    }

    [Fact]
    public void Full_board_without_line_is_a_draw()
    {
        var state = ConnectFourPosition.Parse("126613431456475467333341527215612225546777");
        Assert.Equal(42, state.MoveCount);
        Assert.True(state.IsTerminal);
        Assert.Equal(-1, state.Winner);
        Assert.Equal(0.5, state.Reward(0));
        Span<int> moves = stackalloc int[7];
        Assert.Equal(0, state.LegalMoves(moves));
    }

    [Fact]
    public void Full_columns_are_not_legal()
    {
        var state = ConnectFourPosition.Parse("121212" + "212121");
        Span<int> moves = stackalloc int[7];
        Assert.Equal(5, state.LegalMoves(moves));
        Assert.False(state.IsLegal(1));
        Assert.False(state.IsLegal(2));
        Assert.True(state.IsLegal(3));
        Assert.False(state.IsLegal(8));
        Assert.False(state.IsLegal(0));
    }

    [Fact]
    public void Winning_move_finds_playable_completions_only()
    {
        var state = ConnectFourPosition.Parse("21314");
        Assert.Equal(5, state.WinningMove(0));
        Assert.Equal(-1, state.WinningMove(1));
        // A completing cell that is not yet playable (nothing below it) is not a winning move.
        var floating = ConnectFourPosition.Parse("1223353");
        Assert.Equal(-1, floating.WinningMove(0));
    }

    [Fact]
    public void Winning_move_count_counts_playable_completions_only()
    {
        // x holds 2, 3, 4 of the bottom row with both ends open: two ways to win; o has none.
        var open = ConnectFourPosition.Parse("44332");
        Assert.Equal(2, open.WinningMoveCount(0));
        Assert.Equal(0, open.WinningMoveCount(1));
        Assert.Equal(0, ConnectFourPosition.Parse("1223353").WinningMoveCount(0));
        Assert.Equal(1, ConnectFourPosition.Parse("21314").WinningMoveCount(0));
    }

    [Fact]
    public void Bad_character_names_its_index()
    {
        var error = Assert.Throws<PositionFormatException>(() => ConnectFourPosition.Parse("1238"));
        Assert.Equal(3, error.Index);
        Assert.Contains("index 3", error.Message, StringComparison.Ordinal);
        Assert.Throws<PositionFormatException>(() => ConnectFourPosition.Parse("0"));
        Assert.Throws<PositionFormatException>(() => ConnectFourPosition.Parse("1 2"));
    }

    [Fact]
    public void Overfull_column_is_illegal_and_names_the_move()
    {
        var error = Assert.Throws<IllegalPositionException>(() => ConnectFourPosition.Parse("1111111"));
        Assert.Equal(6, error.Index);
        Assert.Contains("column 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Moves_after_a_win_are_illegal()
    {
        var error = Assert.Throws<IllegalPositionException>(() => ConnectFourPosition.Parse("12121213"));
        Assert.Equal(7, error.Index);
        Assert.Contains("after the game ended", error.Message, StringComparison.Ordinal);
    }
}

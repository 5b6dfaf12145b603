using Cluster.Grains.Compute.Search.Games;
using Cluster.Grains.Compute.Search.Randomness;
using Xunit;

namespace Cluster.Tests.Search;

/// <summary>Random games checked move by move against plain array implementations of the rules.</summary>
public sealed class RulesCrossCheckTests
{
    private static readonly int[][] TicTacToeLines =
        [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];

    [Fact]
    public void Tic_tac_toe_bitboards_agree_with_a_plain_board()
    {
        var random = new Random(1);
        Span<int> moves = stackalloc int[9];
        for (var game = 0; game < 2_000; game++)
        {
            var board = new int[9];
            Array.Fill(board, -1);
            var state = TicTacToeState.Empty;
            while (!state.IsTerminal)
            {
                for (var player = 0; player < 2; player++)
                {
                    var winning = state.WinningMove(player);
                    var expected = Enumerable.Range(0, 9).Where(c => board[c] < 0 && TicTacToeWinsWith(board, c, player)).ToList();
                    Assert.Equal(expected.Count > 0, winning >= 0);
                    Assert.True(winning < 0 || expected.Contains(winning));
                }

                var count = state.LegalMoves(moves);
                Assert.Equal(Enumerable.Range(0, 9).Where(c => board[c] < 0), moves[..count].ToArray());
                var move = moves[random.Next(count)];
                board[move] = state.PlayerToMove;
                state.Apply(move);
                Assert.Equal(TicTacToeWinner(board), state.Winner);
                Assert.Equal(state.Winner >= 0 || board.All(c => c >= 0), state.IsTerminal);
            }
        }
    }

    [Fact]
    public void Connect_four_bitboards_agree_with_a_plain_grid()
    {
        var random = new Random(2);
        Span<int> moves = stackalloc int[7];
        for (var game = 0; game < 2_000; game++)
        {
            var grid = new int[7, 6];
            for (var c = 0; c < 7; c++)
            {
                for (var r = 0; r < 6; r++)
                {
                    grid[c, r] = -1;
                }
            }

            var state = ConnectFourState.Empty;
            while (!state.IsTerminal)
            {
                for (var player = 0; player < 2; player++)
                {
                    var winning = state.WinningMove(player);
                    var expected = Enumerable.Range(1, 7).Where(c => ConnectFourWinsWith(grid, c, player)).ToList();
                    Assert.Equal(expected.Count > 0, winning >= 0);
                    Assert.True(winning < 0 || expected.Contains(winning));
                }

                var count = state.LegalMoves(moves);
                Assert.Equal(Enumerable.Range(1, 7).Where(c => grid[c - 1, 5] < 0), moves[..count].ToArray());
                var move = moves[random.Next(count)];
                var row = Height(grid, move);
                grid[move - 1, row] = state.PlayerToMove;
                state.Apply(move);
                Assert.Equal(state.PlayerToMove == 0 ? 1 : 0, grid[move - 1, row]);
                Assert.Equal(HasFour(grid, move - 1, row) ? grid[move - 1, row] : -1, state.Winner);
            }

            Assert.True(state.Winner >= 0 || state.MoveCount == 42);
        }
    }

    [Fact]
    public void Random_moves_are_legal_and_cover_every_legal_move()
    {
        var rng = new Xoshiro256(3);
        var tictactoe = TicTacToePosition.Parse("x...o...x");
        var connect4 = ConnectFourPosition.Parse("111111444");
        var seenCells = new HashSet<int>();
        var seenColumns = new HashSet<int>();
        for (var i = 0; i < 1_000; i++)
        {
            var cell = tictactoe.RandomMove(ref rng);
            Assert.True(tictactoe.IsLegal(cell));
            seenCells.Add(cell);
            var column = connect4.RandomMove(ref rng);
            Assert.True(connect4.IsLegal(column));
            seenColumns.Add(column);
        }

        Assert.Equal(6, seenCells.Count);
        Assert.Equal(6, seenColumns.Count);
    }

    private static int TicTacToeWinner(int[] board)
    {
        foreach (var line in TicTacToeLines)
        {
            if (board[line[0]] >= 0 && board[line[0]] == board[line[1]] && board[line[1]] == board[line[2]])
            {
                return board[line[0]];
            }
        }

        return -1;
    }

    private static bool TicTacToeWinsWith(int[] board, int cell, int player)
    {
        var copy = (int[])board.Clone();
        copy[cell] = player;
        return TicTacToeWinner(copy) == player;
    }

    private static int Height(int[,] grid, int column)
    {
        var row = 0;
        while (row < 6 && grid[column - 1, row] >= 0)
        {
            row++;
        }

        return row;
    }

    private static bool ConnectFourWinsWith(int[,] grid, int column, int player)
    {
        var row = Height(grid, column);
        if (row == 6)
        {
            return false;
        }

        grid[column - 1, row] = player;
        var wins = HasFour(grid, column - 1, row);
        grid[column - 1, row] = -1;
        return wins;
    }

    private static bool HasFour(int[,] grid, int column, int row)
    {
        var player = grid[column, row];
        foreach (var (dc, dr) in new[] { (1, 0), (0, 1), (1, 1), (1, -1) })
        {
            var run = 1;
            foreach (var sign in new[] { 1, -1 })
            {
                var c = column + sign * dc;
                var r = row + sign * dr;
                while (c is >= 0 and < 7 && r is >= 0 and < 6 && grid[c, r] == player)
                {
                    run++;
                    c += sign * dc;
                    r += sign * dr;
                }
            }

            if (run >= 4)
            {
                return true;
            }
        }

        return false;
    }
}

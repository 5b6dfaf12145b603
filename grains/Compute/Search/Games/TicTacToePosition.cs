using System.Numerics;

namespace Cluster.Grains.Compute.Search.Games;

/// <summary>
/// Tic-tac-toe position strings: 9 characters <c>x</c>, <c>o</c> or <c>.</c> in row-major order from the top left
/// (upper case accepted). <c>x</c> moves first, so the side to move follows from the stone counts.
/// </summary>
public static class TicTacToePosition
{
    /// <summary>The empty board.</summary>
    public const string Start = ".........";

    /// <summary>Parses and validates a position.</summary>
    /// <exception cref="PositionFormatException">Wrong length or a character other than x, o, '.'.</exception>
    /// <exception cref="IllegalPositionException">Stone counts or wins that no game can reach.</exception>
    public static TicTacToeState Parse(string? position)
    {
        if (position is null)
        {
            throw new SearchValidationException("position", "position is required: 9 characters of 'x', 'o' or '.'.");
        }

        if (position.Length != 9)
        {
            throw new PositionFormatException(-1, $"A tic-tac-toe position has exactly 9 characters ('x', 'o' or '.', row by row); got {position.Length}.");
        }

        int crosses = 0, noughts = 0;
        for (var i = 0; i < 9; i++)
        {
            switch (position[i])
            {
                case 'x' or 'X':
                    crosses |= 1 << i;
                    break;
                case 'o' or 'O':
                    noughts |= 1 << i;
                    break;
                case '.':
                    break;
                default:
                    throw new PositionFormatException(i, $"Bad character '{position[i]}' at index {i}: expected 'x', 'o' or '.'.");
            }
        }

        var crossCount = BitOperations.PopCount((uint)crosses);
        var noughtCount = BitOperations.PopCount((uint)noughts);
        if (crossCount != noughtCount && crossCount != noughtCount + 1)
        {
            throw new IllegalPositionException(
                $"x has {crossCount} stones and o has {noughtCount}: x moves first, so x must have as many stones as o or exactly one more.");
        }

        var crossWins = TicTacToeState.HasLine(crosses);
        var noughtWins = TicTacToeState.HasLine(noughts);
        if (crossWins && noughtWins)
        {
            throw new IllegalPositionException("Both x and o have three in a row; the game stops at the first line.");
        }

        if (crossWins && crossCount == noughtCount)
        {
            throw new IllegalPositionException("x has three in a row but o moved afterwards; the game stops at the first line.");
        }

        if (noughtWins && crossCount != noughtCount)
        {
            throw new IllegalPositionException("o has three in a row but x moved afterwards; the game stops at the first line.");
        }

        return TicTacToeState.FromStones(crosses, noughts);
    }

    /// <summary>Writes a position in the same notation <see cref="Parse"/> reads.</summary>
    public static string Format(TicTacToeState state)
        => string.Create(9, state, static (chars, s) =>
        {
            for (var i = 0; i < 9; i++)
            {
                chars[i] = (s.Crosses & (1 << i)) != 0 ? 'x' : (s.Noughts & (1 << i)) != 0 ? 'o' : '.';
            }
        });
}

using System.Numerics;
using System.Runtime.CompilerServices;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Games;

/// <summary>
/// Connect Four (7 columns × 6 rows, gravity) on two 64-bit bitboards. Column c (0-based) owns bits 7c … 7c+5 from
/// the bottom up, and bit 7c+6 stays empty so that shifted alignments never wrap into the next column. Player 0
/// moves first; moves are column numbers 1–7.
/// </summary>
public struct ConnectFourState : ITacticalGameState<ConnectFourState>
{
    /// <summary>Number of columns.</summary>
    public const int Columns = 7;

    /// <summary>Number of rows.</summary>
    public const int Rows = 6;

    private const int ColumnStride = Rows + 1;
    private const ulong BottomRow = 0x0040810204081UL;
    private const ulong Board = BottomRow * ((1UL << Rows) - 1);
    private const ulong TopRow = BottomRow << (Rows - 1);

    // Stones of the side to move, and all stones: the mover's opponent owns _mask ^ _current.
    private ulong _current;
    private ulong _mask;
    private byte _moves;

    // Winner + 1, so that default(ConnectFourState) is the valid empty board.
    private byte _winnerPlusOne;

    /// <summary>The empty board, player 0 to move.</summary>
    public static ConnectFourState Empty => default;

    /// <inheritdoc/>
    public static int PlayerCount => 2;

    /// <inheritdoc/>
    public static int MaxMoves => Columns;

    /// <summary>Number of stones on the board.</summary>
    public readonly int MoveCount => _moves;

    /// <summary>Winning player, or -1 while nobody has won.</summary>
    public readonly int Winner => _winnerPlusOne - 1;

    /// <inheritdoc/>
    public readonly int PlayerToMove => _moves & 1;

    /// <inheritdoc/>
    /// <remarks>The side to move's stones plus all stones: the sum marks the top of every column, so it is unique.</remarks>
    public readonly ulong Key => _current + _mask;

    /// <inheritdoc/>
    public readonly bool IsTerminal
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _winnerPlusOne != 0 || _moves == Columns * Rows;
    }

    /// <summary>Owner (0 or 1) of the cell at <paramref name="column"/> (1–7) and <paramref name="row"/> (1–6 from the bottom), or -1 if empty.</summary>
    public readonly int StoneAt(int column, int row)
    {
        var bit = 1UL << ((column - 1) * ColumnStride + row - 1);
        if ((_mask & bit) == 0)
        {
            return -1;
        }

        return (_current & bit) != 0 ? PlayerToMove : 1 - PlayerToMove;
    }

    /// <inheritdoc/>
    public readonly int LegalMoves(Span<int> moves)
    {
        if (IsTerminal)
        {
            return 0;
        }

        var count = 0;
        for (var column = 0; column < Columns; column++)
        {
            if ((_mask & TopCell(column)) == 0)
            {
                moves[count++] = column + 1;
            }
        }

        return count;
    }

    /// <inheritdoc/>
    public readonly bool IsLegal(int move)
        => !IsTerminal && (uint)(move - 1) < Columns && (_mask & TopCell(move - 1)) == 0;

    /// <summary>Whether the column (1–7) still has room, regardless of whether the game is over.</summary>
    internal readonly bool HasRoom(int column) => (_mask & TopCell(column - 1)) == 0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(int move)
    {
        var mover = _moves & 1;
        _current ^= _mask;
        _mask |= _mask + (1UL << ((move - 1) * ColumnStride));
        _moves++;
        if (HasAlignment(_current ^ _mask))
        {
            _winnerPlusOne = (byte)(mover + 1);
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int RandomMove(ref Xoshiro256 rng)
        => BitSelect.RandomSetBit(~_mask & TopRow, ref rng) / ColumnStride + 1;

    /// <inheritdoc/>
    public readonly double Reward(int player)
        => _winnerPlusOne == 0 ? 0.5 : _winnerPlusOne - 1 == player ? 1.0 : 0.0;

    /// <inheritdoc/>
    public readonly int WinningMove(int player)
    {
        var stones = player == PlayerToMove ? _current : _current ^ _mask;
        var playable = (_mask + BottomRow) & Board;
        var winning = WinningCells(stones) & playable & ~_mask;
        return winning == 0 ? -1 : BitOperations.TrailingZeroCount(winning) / ColumnStride + 1;
    }

    /// <inheritdoc/>
    public readonly int WinningMoveCount(int player)
    {
        var stones = player == PlayerToMove ? _current : _current ^ _mask;
        return BitOperations.PopCount(WinningCells(stones) & ((_mask + BottomRow) & Board) & ~_mask);
    }

    private static ulong TopCell(int column) => 1UL << (column * ColumnStride + Rows - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasAlignment(ulong stones)
    {
        // Horizontal, both diagonals, vertical: a pair of pairs at the right distance is four in a row.
        var m = stones & (stones >> ColumnStride);
        if ((m & (m >> (2 * ColumnStride))) != 0)
        {
            return true;
        }

        m = stones & (stones >> (ColumnStride - 1));
        if ((m & (m >> (2 * (ColumnStride - 1)))) != 0)
        {
            return true;
        }

        m = stones & (stones >> (ColumnStride + 1));
        if ((m & (m >> (2 * (ColumnStride + 1)))) != 0)
        {
            return true;
        }

        m = stones & (stones >> 1);
        return (m & (m >> 2)) != 0;
    }

    /// <summary>Cells (occupied or not, inside the board) that would complete four in a row for <paramref name="stones"/>.</summary>
    private static ulong WinningCells(ulong stones)
    {
        var cells = (stones << 1) & (stones << 2) & (stones << 3);
        cells |= Lines(stones, ColumnStride);
        cells |= Lines(stones, ColumnStride - 1);
        cells |= Lines(stones, ColumnStride + 1);
        return cells & Board;
    }

    // Gaps in lines along one direction: three stones on one side, or two on one side and one on the other.
    private static ulong Lines(ulong stones, int step)
    {
        var pair = (stones << step) & (stones << (2 * step));
        var cells = pair & (stones << (3 * step));
        cells |= pair & (stones >> step);
        pair = (stones >> step) & (stones >> (2 * step));
        cells |= pair & (stones << step);
        cells |= pair & (stones >> (3 * step));
        return cells;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Games;

/// <summary>
/// Tic-tac-toe on two 9-bit bitboards (bit i = cell i, row-major from the top left). Player 0 is <c>x</c> and moves
/// first; moves are cell numbers 0–8.
/// </summary>
public struct TicTacToeState : ITacticalGameState<TicTacToeState>
{
    private const int FullBoard = 0x1FF;

    private static readonly int[] Lines = [0x007, 0x038, 0x1C0, 0x049, 0x092, 0x124, 0x111, 0x054];

    // Indexed by a player's 9-bit stone set: whether it contains a line, and which cells would complete one.
    private static readonly bool[] WinTable = BuildWinTable();
    private static readonly ushort[] CompletionTable = BuildCompletionTable();

    private ushort _x;
    private ushort _o;
    // Winner + 1, so that default(TicTacToeState) is the valid empty board.
    private byte _winnerPlusOne;

    /// <summary>The empty board, <c>x</c> to move.</summary>
    public static TicTacToeState Empty => default;

    /// <inheritdoc/>
    public static int PlayerCount => 2;

    /// <inheritdoc/>
    public static int MaxMoves => 9;

    /// <summary>Stones of <c>x</c> as a 9-bit set.</summary>
    public readonly int Crosses => _x;

    /// <summary>Stones of <c>o</c> as a 9-bit set.</summary>
    public readonly int Noughts => _o;

    /// <summary>Winning player (0 = x, 1 = o), or -1 while nobody has won.</summary>
    public readonly int Winner => _winnerPlusOne - 1;

    /// <summary>Number of stones on the board.</summary>
    public readonly int MoveCount => BitOperations.PopCount((uint)(_x | _o));

    /// <inheritdoc/>
    public readonly int PlayerToMove => MoveCount & 1;

    /// <inheritdoc/>
    public readonly ulong Key => _x | ((ulong)_o << 9);

    /// <inheritdoc/>
    public readonly bool IsTerminal
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _winnerPlusOne != 0 || (_x | _o) == FullBoard;
    }

    /// <inheritdoc/>
    public readonly int LegalMoves(Span<int> moves)
    {
        if (_winnerPlusOne != 0)
        {
            return 0;
        }

        var empty = (uint)(~(_x | _o) & FullBoard);
        var count = 0;
        while (empty != 0)
        {
            moves[count++] = BitOperations.TrailingZeroCount(empty);
            empty &= empty - 1;
        }

        return count;
    }

    /// <inheritdoc/>
    public readonly bool IsLegal(int move)
        => _winnerPlusOne == 0 && (uint)move < 9 && ((_x | _o) & (1 << move)) == 0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(int move)
    {
        var bit = (ushort)(1 << move);
        if (PlayerToMove == 0)
        {
            _x |= bit;
            if (WinTable[_x])
            {
                _winnerPlusOne = 1;
            }
        }
        else
        {
            _o |= bit;
            if (WinTable[_o])
            {
                _winnerPlusOne = 2;
            }
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int RandomMove(ref Xoshiro256 rng)
        => BitSelect.RandomSetBit((ulong)(~(_x | _o) & FullBoard), ref rng);

    /// <inheritdoc/>
    public readonly double Reward(int player)
        => _winnerPlusOne == 0 ? 0.5 : _winnerPlusOne - 1 == player ? 1.0 : 0.0;

    /// <inheritdoc/>
    public readonly int WinningMove(int player)
    {
        var stones = player == 0 ? _x : _o;
        var cells = CompletionTable[stones] & ~(_x | _o) & FullBoard;
        return cells == 0 ? -1 : BitOperations.TrailingZeroCount(cells);
    }

    /// <inheritdoc/>
    public readonly int WinningMoveCount(int player)
    {
        var stones = player == 0 ? _x : _o;
        return BitOperations.PopCount((uint)(CompletionTable[stones] & ~(_x | _o) & FullBoard));
    }

    /// <summary>Builds a position from stone sets; the caller (the position parser) has validated them.</summary>
    internal static TicTacToeState FromStones(int crosses, int noughts)
        => new()
        {
            _x = (ushort)crosses,
            _o = (ushort)noughts,
            _winnerPlusOne = (byte)(HasLine(crosses) ? 1 : HasLine(noughts) ? 2 : 0),
        };

    /// <summary>Whether a 9-bit stone set contains a full line.</summary>
    internal static bool HasLine(int stones) => WinTable[stones & FullBoard];

    private static bool[] BuildWinTable()
    {
        var table = new bool[FullBoard + 1];
        for (var stones = 0; stones <= FullBoard; stones++)
        {
            foreach (var line in Lines)
            {
                table[stones] |= (stones & line) == line;
            }
        }

        return table;
    }

    private static ushort[] BuildCompletionTable()
    {
        var table = new ushort[FullBoard + 1];
        for (var stones = 0; stones <= FullBoard; stones++)
        {
            foreach (var line in Lines)
            {
                var missing = line & ~stones;
                if (BitOperations.PopCount((uint)missing) == 1)
                {
                    table[stones] |= (ushort)missing;
                }
            }
        }

        return table;
    }
}

using System.Numerics;

namespace Cluster.PerfectPlay;

/// <summary>
/// Connect Four bitboard of the perfect solver, written apart from the search engine's board so that each checks the
/// other. Column c (0-based) owns bits 7c … 7c+5 from the bottom up; bit 7c+6 is a sentinel that keeps shifted lines
/// from wrapping. <see cref="Key"/> (stones of the side to move plus all stones) is unique per position.
/// </summary>
internal struct ConnectFourBoard
{
    public const int Width = 7;
    public const int Height = 6;
    public const int Cells = Width * Height;

    private const ulong BottomRow = 0x0040810204081UL;
    private const ulong Board = BottomRow * ((1UL << Height) - 1);

    private ulong _current;
    private ulong _mask;

    /// <summary>Stones on the board.</summary>
    public int MoveCount { get; private set; }

    /// <summary>A number that identifies the position: the side to move's stones plus the occupied cells.</summary>
    public readonly ulong Key => _current + _mask;

    /// <summary>Whether the side to move has a move that connects four at once.</summary>
    public readonly bool CanWinNext => (WinningCells(_current, _mask) & Playable) != 0;

    private readonly ulong Playable => (_mask + BottomRow) & Board;

    /// <summary>Replays a move string: digits 1–7 naming columns, from the empty board.</summary>
    /// <exception cref="ArgumentException">A bad digit, a full column, or a move after the game was won.</exception>
    public static ConnectFourBoard FromMoves(string moves)
    {
        var board = default(ConnectFourBoard);
        for (var i = 0; i < moves.Length; i++)
        {
            var column = moves[i] - '1';
            if ((uint)column >= Width || !board.CanPlay(column))
            {
                throw new ArgumentException($"Move {i} ('{moves[i]}') of '{moves}' is not a playable column.", nameof(moves));
            }

            if (board.IsWinningMove(column))
            {
                throw new ArgumentException($"Move {i} of '{moves}' ends the game, so the position has no side to move.", nameof(moves));
            }

            board.Play(column);
        }

        return board;
    }

    /// <summary>Whether column <paramref name="column"/> (0-based) has room.</summary>
    public readonly bool CanPlay(int column) => (_mask & TopCell(column)) == 0;

    /// <summary>Whether playing column <paramref name="column"/> (0-based, playable) connects four for the side to move.</summary>
    public readonly bool IsWinningMove(int column) => (WinningCells(_current, _mask) & Playable & ColumnCells(column)) != 0;

    /// <summary>Plays column <paramref name="column"/> (0-based, playable) for the side to move.</summary>
    public void Play(int column) => PlayCell((_mask + BottomCell(column)) & ColumnCells(column));

    /// <summary>Plays the move that fills <paramref name="cell"/>, a single playable cell.</summary>
    public void PlayCell(ulong cell)
    {
        _current ^= _mask;
        _mask |= cell;
        MoveCount++;
    }

    /// <summary>
    /// Playable cells that do not hand the opponent an immediate win: none when the opponent has two threats to
    /// stop, only the blocking cell when it has one. Assumes the side to move cannot win at once.
    /// </summary>
    public readonly ulong NonLosingMoves()
    {
        var playable = Playable;
        var opponentWins = WinningCells(_current ^ _mask, _mask);
        var forced = playable & opponentWins;
        if (forced != 0)
        {
            if ((forced & (forced - 1)) != 0)
            {
                return 0;
            }

            playable = forced;
        }

        // Never play directly below a cell where the opponent would win.
        return playable & ~(opponentWins >> 1);
    }

    /// <summary>Move-ordering score of playing <paramref name="cell"/>: how many winning cells the side to move would then have.</summary>
    public readonly int ThreatsAfter(ulong cell) => BitOperations.PopCount(WinningCells(_current | cell, _mask));

    /// <summary>Every cell of column <paramref name="column"/> (0-based).</summary>
    public static ulong ColumnCells(int column) => ((1UL << Height) - 1) << (column * (Height + 1));

    private static ulong TopCell(int column) => 1UL << (Height - 1 + column * (Height + 1));

    private static ulong BottomCell(int column) => 1UL << (column * (Height + 1));

    /// <summary>Empty cells that would complete four in a row for <paramref name="stones"/>.</summary>
    private static ulong WinningCells(ulong stones, ulong mask)
    {
        var cells = (stones << 1) & (stones << 2) & (stones << 3);
        cells |= Gaps(stones, Height + 1);
        cells |= Gaps(stones, Height);
        cells |= Gaps(stones, Height + 2);
        return cells & (Board ^ mask);
    }

    // Cells that complete a line along one direction: three on one side, or two on one side and one on the other.
    private static ulong Gaps(ulong stones, int step)
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

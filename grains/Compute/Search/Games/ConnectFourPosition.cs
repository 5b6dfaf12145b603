namespace Cluster.Grains.Compute.Search.Games;

/// <summary>
/// Connect Four position strings: the columns played so far from the empty board, one digit 1–7 per move
/// (the empty string is the empty board). Player 0 made the first move.
/// </summary>
public static class ConnectFourPosition
{
    /// <summary>The empty board.</summary>
    public const string Start = "";

    /// <summary>Replays and validates a move sequence.</summary>
    /// <exception cref="PositionFormatException">A character that is not a column digit 1–7.</exception>
    /// <exception cref="IllegalPositionException">A move into a full column, or a move after the game was won.</exception>
    public static ConnectFourState Parse(string? position)
    {
        if (position is null)
        {
            throw new SearchValidationException("position", "position is required: the columns played so far as digits 1–7 (empty for the empty board).");
        }

        var state = ConnectFourState.Empty;
        for (var i = 0; i < position.Length; i++)
        {
            var c = position[i];
            if (c < '1' || c > '7')
            {
                throw new PositionFormatException(i, $"Bad character '{c}' at index {i}: expected a column digit 1–7.");
            }

            if (state.Winner >= 0)
            {
                throw new IllegalPositionException(
                    $"The move at index {i} comes after the game ended: {PlayerName(state.Winner)} already connected four with move {state.MoveCount}.",
                    i);
            }

            var column = c - '0';
            if (!state.HasRoom(column))
            {
                throw new IllegalPositionException(
                    $"The move at index {i} plays column {column}, which already holds {ConnectFourState.Rows} stones.", i);
            }

            state.Apply(column);
        }

        return state;
    }

    /// <summary>How players are named in messages.</summary>
    public static string PlayerName(int player) => player == 0 ? "the first player" : "the second player";
}

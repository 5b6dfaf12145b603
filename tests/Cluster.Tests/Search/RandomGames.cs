using Cluster.Grains.Compute.Search.Games;

namespace Cluster.Tests.Search;

/// <summary>Random Connect Four positions for checks against exact play.</summary>
internal static class RandomGames
{
    /// <summary>The move string of a uniformly random game of <paramref name="plies"/> moves that is still open.</summary>
    public static string OpenConnectFourPosition(Random random, int plies)
    {
        Span<int> legal = stackalloc int[ConnectFourState.Columns];
        var played = new char[plies];
        while (true)
        {
            var state = ConnectFourState.Empty;
            var ply = 0;
            for (; ply < plies && !state.IsTerminal; ply++)
            {
                var move = legal[random.Next(state.LegalMoves(legal))];
                state.Apply(move);
                played[ply] = (char)('0' + move);
            }

            if (ply == plies && !state.IsTerminal)
            {
                return new string(played);
            }
        }
    }
}

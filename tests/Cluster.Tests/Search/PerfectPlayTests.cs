using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.Search.Games;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class PerfectPlayTests
{
    private readonly PerfectTicTacToe _perfect = new();

    [Theory]
    [InlineData("uct", 0)]
    [InlineData("uct", 1)]
    [InlineData("ab-mcts", 0)]
    [InlineData("ab-mcts", 1)]
    public void Search_never_loses_tic_tac_toe_to_a_perfect_player(string algorithm, int searchPlays)
    {
        var algo = algorithm == "uct" ? SearchAlgorithm.Uct : SearchAlgorithm.AbMcts;
        for (ulong seed = 1; seed <= 4; seed++)
        {
            var perfectChoice = new Random((int)seed);
            var state = TicTacToeState.Empty;
            while (!state.IsTerminal)
            {
                int move;
                if (state.PlayerToMove == searchPlays)
                {
                    move = Mcts.Search(state, new SearchOptions { Algorithm = algo, Iterations = 20_000, Seed = seed }).BestMove;
                }
                else
                {
                    var optimal = _perfect.OptimalMoves(state);
                    move = optimal[perfectChoice.Next(optimal.Count)];
                }

                Assert.True(state.IsLegal(move));
                state.Apply(move);
            }

            Assert.NotEqual(1 - searchPlays, state.Winner);
        }
    }
}

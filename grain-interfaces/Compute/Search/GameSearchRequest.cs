using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// A search request as it arrives over the wire (<c>POST /api/v1/mcts/search</c>); the search engine validates it.
/// </summary>
/// <param name="Game"><c>tictactoe</c> or <c>connect4</c> (also <c>tic-tac-toe</c>, <c>connect-four</c>, <c>connectfour</c>).</param>
/// <param name="Position">Tic-tac-toe: 9 characters of x, o, '.'; Connect Four: columns played so far as digits 1–7.</param>
/// <param name="Algorithm"><c>uct</c> (default) or <c>ab-mcts</c>.</param>
/// <param name="Iterations">Total simulations over all workers (1 … 50,000,000; the search service takes at most 2,000,000).</param>
/// <param name="TimeLimitMs">Wall-clock budget (1 … 10,000 ms).</param>
/// <param name="Workers">Root-parallel trees (1 … 256, default 1; the search service takes at most 16).</param>
/// <param name="Seed">Seed for reproducible searches.</param>
/// <param name="Playout"><c>random</c> (default) or <c>heuristic</c>.</param>
/// <param name="Exploration">UCB1 exploration constant (default √2).</param>
[GenerateSerializer]
[Alias("Compute.GameSearchRequest")]
[Immutable]
public sealed record GameSearchRequest(
    string? Game,
    string? Position,
    string? Algorithm = null,
    int? Iterations = null,
    int? TimeLimitMs = null,
    int? Workers = null,
    ulong? Seed = null,
    string? Playout = null,
    double? Exploration = null);

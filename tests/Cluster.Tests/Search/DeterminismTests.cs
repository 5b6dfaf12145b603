using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class DeterminismTests
{
    [Theory]
    [InlineData("tictactoe", "x...o....", "uct")]
    [InlineData("connect4", "4433", "uct")]
    [InlineData("connect4", "4433", "ab-mcts")]
    public void Same_seed_gives_identical_results(string game, string position, string algorithm)
    {
        var request = new GameSearchRequest(game, position, algorithm, Iterations: 5_000, Seed: 42);
        var first = GameSearch.Run(request);
        var second = GameSearch.Run(request);
        Assert.Equal(first.BestMove, second.BestMove);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(first.Iterations, second.Iterations);
        Assert.Equal(first.Children, second.Children);
    }

    [Fact]
    public void Different_seeds_explore_differently()
    {
        var a = GameSearch.Run(new GameSearchRequest("connect4", "", Iterations: 3_000, Seed: 1));
        var b = GameSearch.Run(new GameSearchRequest("connect4", "", Iterations: 3_000, Seed: 2));
        Assert.NotEqual(a.Children, b.Children);
    }

    [Fact]
    public void Parallel_workers_are_reproducible_and_equal_separately_run_workers_merged()
    {
        var request = new GameSearchRequest("connect4", "44", Iterations: 9_001, Workers: 3, Seed: 7);
        var together = GameSearch.Run(request);
        var again = GameSearch.Run(request);
        var parts = new[] { GameSearch.RunWorker(request, 0), GameSearch.RunWorker(request, 1), GameSearch.RunWorker(request, 2) };
        var merged = SearchResult.Merge(parts);

        Assert.Equal(9_001, together.Iterations);
        Assert.Equal(together.Children, again.Children);
        Assert.Equal(together.Children, merged.Children);
        Assert.Equal(together.BestMove, merged.BestMove);
        Assert.Equal(new long[] { 3_001, 3_000, 3_000 }, parts.Select(p => p.Iterations));
    }

    [Fact]
    public void Merge_sums_visits_and_weights_values_by_visits()
    {
        var a = new SearchResult(3, 0.5, 10, 12, 5, [new MoveStatistics(3, 10, 0.5), new MoveStatistics(4, 2, 1.0)]);
        var b = new SearchResult(4, 0.25, 20, 21, 7, [new MoveStatistics(4, 20, 0.25), new MoveStatistics(5, 1, 0.0)]);
        var merged = SearchResult.Merge([a, b]);

        Assert.Equal(4, merged.BestMove);
        Assert.Equal(22, merged.Visits);
        Assert.Equal((2 * 1.0 + 20 * 0.25) / 22, merged.Value, 12);
        Assert.Equal(33, merged.Iterations);
        Assert.Equal(7, merged.ElapsedMs);
        Assert.Equal([4, 3, 5], merged.Children.Select(c => c.Move));
    }

    [Fact]
    public void Root_visits_add_up_to_the_iterations()
    {
        var result = GameSearch.Run(new GameSearchRequest("tictactoe", ".........", Iterations: 4_321, Seed: 1));
        Assert.Equal(4_321, result.Iterations);
        Assert.Equal(4_321, result.Children.Sum(c => c.Visits));
        Assert.Equal(result.Children[0].Move, result.BestMove);
        Assert.Equal(result.Children[0].Visits, result.Visits);
    }

    [Fact]
    public void A_time_budget_alone_stops_the_search()
    {
        var result = GameSearch.Run(new GameSearchRequest("connect4", "", TimeLimitMs: 50, Workers: 2));
        Assert.True(result.Iterations > 0);
        Assert.InRange(result.BestMove, 1, 7);
    }

    [Fact]
    public void Every_worker_searches_at_least_once_however_short_the_time_budget()
    {
        var result = GameSearch.Run(new GameSearchRequest("connect4", "", TimeLimitMs: 1, Workers: 4));

        Assert.True(result.Iterations >= 4, $"{result.Iterations} iterations");
        Assert.InRange(result.BestMove, 1, 7);
    }
}

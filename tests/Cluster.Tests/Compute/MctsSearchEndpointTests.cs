using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.SearchService;
using Xunit;

namespace Cluster.Tests.Compute;

public sealed class MctsSearchEndpointTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Path = "/api/v1/mcts/search";

    [Theory]
    [InlineData("tictactoe", "xx.oo....", "uct", 2)]
    [InlineData("tictactoe", "xx.oo....", "ab-mcts", 2)]
    [InlineData("connect4", "213147", "uct", 5)]
    [InlineData("connect4", "213147", "ab-mcts", 5)]
    public async Task A_win_in_one_is_found_over_http(string game, string position, string algorithm, int winningMove)
    {
        var response = await Post($$"""{"game":"{{game}}","position":"{{position}}","algorithm":"{{algorithm}}","iterations":20000,"seed":1}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Read(response);
        Assert.Equal(winningMove, result.BestMove);
        Assert.Equal(1, result.Iterations);
        Assert.True(result.Value > 0.9, $"value {result.Value}");
        Assert.Equal(winningMove, result.Children[0].Move);
        Assert.True(result.Children[0].IsSolved);
    }

    [Fact]
    public async Task The_answer_has_the_documented_camel_case_fields()
    {
        var response = await Post("""{"game":"connect4","position":"44","iterations":500,"seed":3}""");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(
            ["bestMove", "value", "visits", "iterations", "elapsedMs", "children"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["move", "visits", "value", "lower", "upper", "isSolved"],
            root.GetProperty("children")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(500, root.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("visits").GetInt64()));
    }

    [Theory]
    [InlineData("tictactoe", "xxx......")]
    [InlineData("tictactoe", "xox")]
    [InlineData("tictactoe", "xxxooo...")]
    [InlineData("connect4", "1111111")]
    [InlineData("connect4", "18")]
    public async Task An_illegal_or_malformed_position_is_a_400_naming_the_position(string game, string position)
    {
        var response = await Post($$"""{"game":"{{game}}","position":"{{position}}","iterations":100}""");

        await ProblemAssert.InvalidField(response, "position");
    }

    [Theory]
    [InlineData("tictactoe", "xxxoo....", "won")]
    [InlineData("tictactoe", "xoxxoooxx", "draw")]
    [InlineData("connect4", "1212121", "won")]
    public async Task A_finished_game_is_a_400_naming_the_position(string game, string position, string outcome)
    {
        var response = await Post($$"""{"game":"{{game}}","position":"{{position}}","iterations":100}""");

        var detail = await ProblemAssert.InvalidField(response, "position");
        Assert.Contains("already over", detail, StringComparison.Ordinal);
        Assert.Contains(outcome, detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"position":"........."}""", "game")]
    [InlineData("""{"game":"chess","position":"........."}""", "game")]
    [InlineData("""{"game":"tictactoe"}""", "position")]
    [InlineData("""{"game":"tictactoe","position":".........","algorithm":"minimax"}""", "algorithm")]
    [InlineData("""{"game":"tictactoe","position":".........","iterations":0}""", "iterations")]
    [InlineData("""{"game":"tictactoe","position":".........","iterations":2000001}""", "iterations")]
    [InlineData("""{"game":"tictactoe","position":".........","timeLimitMs":0}""", "timeLimitMs")]
    [InlineData("""{"game":"tictactoe","position":".........","timeLimitMs":10001}""", "timeLimitMs")]
    [InlineData("""{"game":"tictactoe","position":".........","workers":0}""", "workers")]
    [InlineData("""{"game":"tictactoe","position":".........","workers":17}""", "workers")]
    public async Task An_invalid_field_is_a_400_naming_it(string body, string field)
    {
        await ProblemAssert.InvalidField(await Post(body), field);
    }

    [Fact]
    public async Task The_largest_worker_count_runs_a_tree_per_worker()
    {
        var largest = await Post($$"""{"game":"tictactoe","position":".........","iterations":{{SearchLimits.MaxWorkers}},"workers":{{SearchLimits.MaxWorkers}},"seed":1}""");

        Assert.Equal(HttpStatusCode.OK, largest.StatusCode);
        Assert.Equal(SearchLimits.MaxWorkers, (await Read(largest)).Iterations);
    }

    [Theory]
    [InlineData("uct", 1)]
    [InlineData("ab-mcts", 3)]
    public async Task The_same_seed_gives_the_same_answer(string algorithm, int workers)
    {
        var body = $$"""{"game":"connect4","position":"4433","algorithm":"{{algorithm}}","iterations":3000,"workers":{{workers}},"seed":42}""";

        var first = await Read(await Post(body));
        var second = await Read(await Post(body));

        AssertSameSearch(first, second);
    }

    [Theory]
    [InlineData("connect4", "44", "uct", 4)]
    [InlineData("connect4", "", "ab-mcts", 3)]
    [InlineData("tictactoe", ".........", "uct", 5)]
    public async Task Workers_spread_over_grains_merge_to_the_engines_single_process_result(string game, string position, string algorithm, int workers)
    {
        var request = new GameSearchRequest(game, position, algorithm, Iterations: 4_001, Workers: workers, Seed: 2026);

        var overHttp = await Read(await fixture.Gateway.Client().PostAsJsonAsync(Path, request, JsonSerializerOptions.Web));
        var inProcess = GameSearch.Run(request);

        AssertSameSearch(inProcess, overHttp);
        Assert.Equal(4_001, overHttp.Iterations);
    }

    [Fact]
    public async Task A_time_limited_search_without_an_iteration_budget_stops_within_the_iteration_cap()
    {
        var result = await Read(await Post("""{"game":"connect4","position":"","timeLimitMs":20,"workers":2}"""));

        Assert.InRange(result.Iterations, 1, SearchLimits.MaxIterations);
        Assert.InRange(result.BestMove, 1, 7);
    }

    [Fact]
    public async Task Searching_needs_an_api_key()
    {
        var response = await fixture.Gateway.Client(key: null).PostAsync(
            Path, new StringContent("""{"game":"tictactoe","position":"........."}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> Post(string json)
        => fixture.Gateway.Client().PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<SearchResult> Read(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<SearchResult>(body, JsonSerializerOptions.Web)!;
    }

    /// <summary>Equal in everything but the elapsed time.</summary>
    private static void AssertSameSearch(SearchResult expected, SearchResult actual)
    {
        Assert.Equal(expected.BestMove, actual.BestMove);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Visits, actual.Visits);
        Assert.Equal(expected.Iterations, actual.Iterations);
        Assert.Equal(expected.Children, actual.Children);
    }
}

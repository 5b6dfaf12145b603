using Cluster.Gateway.OpenApi;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.SearchService;
using Orleans;

namespace Cluster.Gateway.Endpoints;

public static class MctsEndpoints
{
    /// <summary>
    /// POST /mcts/search: the best move in a tic-tac-toe or Connect Four position by UCT or AB-MCTS, spread over
    /// <c>workers</c> stateless worker grains (at most <see cref="SearchLimits.MaxWorkers"/>) and merged. Budgets:
    /// <c>iterations</c> ≤ <see cref="SearchLimits.MaxIterations"/> (which also ends time-limited searches, bounding
    /// memory) and <c>timeLimitMs</c> ≤ 10,000; with neither, 10,000 iterations. A seed makes the answer
    /// reproducible. Invalid fields, illegal and finished positions are 400s naming the field.
    /// </summary>
    public static void MapMctsEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/mcts/search", async (GameSearchRequest request, IGrainFactory grains, CancellationToken cancellation) =>
        {
            var admitted = SearchLimits.Admit(request);
            return await grains.GetGrain<IGameSearchGrain>(0).SearchAsync(admitted, cancellation);
        }).WithTags("game search").WithSummary("Best move in a tic-tac-toe or Connect Four position")
          .WithRequestExample("""{"game":"connect4","position":"4453","algorithm":"uct","iterations":20000,"workers":2,"seed":7}""");
    }
}

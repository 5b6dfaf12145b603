using Cluster.Gateway.Endpoints.Agents;
using Cluster.Gateway.Endpoints.Chat;
using Cluster.GrainInterfaces.Chat;
using Cluster.GrainInterfaces.Compute;
using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.Grains.Compute.Agents.Planning;
using Cluster.Grains.Compute.Analytics;
using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.SearchService;

namespace Cluster.Gateway.OpenApi;

/// <summary>
/// The ranges and spellings the OpenAPI document states for request fields, taken from the same constants the
/// validation messages use, so a limit has one value everywhere.
/// </summary>
internal static class DocumentedRanges
{
    public static readonly IReadOnlyDictionary<(Type Type, string Property), (double Min, double? Max)> Numbers =
        new Dictionary<(Type, string), (double, double?)>
        {
            [(typeof(GameSearchRequest), "iterations")] = (1, SearchLimits.MaxIterations),
            [(typeof(GameSearchRequest), "timeLimitMs")] = (1, SearchOptions.MaxTimeLimitMs),
            [(typeof(GameSearchRequest), "workers")] = (1, SearchLimits.MaxWorkers),
            [(typeof(GameSearchRequest), "exploration")] = (0, null),
            [(typeof(PlanRequest), "maxLength")] = (1, AgentSequence.MaxLength),
            [(typeof(PlanRequest), "iterations")] = (1, PlanRequest.MaxIterations),
            [(typeof(FeedbackBody), "latencyMs")] = (0, AgentFeedback.MaxLatencyMs),
            [(typeof(FeedbackBody), "cost")] = (0, AgentFeedback.MaxCost),
            [(typeof(ExecutionRecord), "executionTimeMs")] = (0, ExecutionBatch.MaxExecutionTimeMs),
            [(typeof(ExecutionRecord), "responseQuality")] = (0, 1),
            [(typeof(ExecutionRecord), "userSatisfaction")] = (0, 5),
            [(typeof(TokenCounts), "prompt")] = (0, null),
            [(typeof(TokenCounts), "completion")] = (0, null),
            [(typeof(TokenCounts), "total")] = (0, null),
            [(typeof(AskRequest), "topK")] = (1, ChatQuestion.MaxTopK),
        };

    public static readonly IReadOnlyDictionary<(Type Type, string Property), string[]> Spellings =
        new Dictionary<(Type, string), string[]>
        {
            [(typeof(GameSearchRequest), "game")] = ["tictactoe", "connect4"],
            [(typeof(GameSearchRequest), "algorithm")] = ["uct", "ab-mcts"],
            [(typeof(GameSearchRequest), "playout")] = ["random", "heuristic"],
        };

    public static readonly IReadOnlyDictionary<(Type Type, string Property), string> Descriptions =
        new Dictionary<(Type, string), string>
        {
            [(typeof(GameSearchRequest), "position")] =
                "Tic-tac-toe: 9 characters, row by row from the top left, each x, o or '.' (empty), e.g. \"x.o......\"; " +
                "Connect Four: the columns played so far as digits 1-7, e.g. \"4453\". The side to move follows from the position.",
            [(typeof(ExecutionRecord), "timestamp")] = $"{OffsetTimestampConverter.Expected}; from 2000-01-01T00:00:00Z to one day past the server's clock.",
            [(typeof(ExecutionRecord), "tokens")] = "Token counts {prompt, completion, total}: all three are required, total ≥ prompt + completion.",
            [(typeof(ExecutionRecord), "parameters")] = "The parameter set the execution ran with: names to numbers, strings or booleans (at most 64).",
            [(typeof(ExecutionRecord), "errorType")] = "Only for failed executions.",
        };
}

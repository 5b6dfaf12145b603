using Cluster.Bench;

var mode = args.Length > 0 ? args[0] : "";
var rest = args.Length > 1 ? args[1..] : [];
return mode switch
{
    "runtime" => await RuntimeMode.RunAsync(rest),
    "cluster" => await ClusterMode.RunAsync(rest),
    "transport" => await TransportMode.RunAsync(rest),
    "actor-core" => await ActorCoreMode.RunAsync(rest),
    "mcts" => MctsMode.Run(rest),
    "mcts-strength" => MctsStrengthMode.Run(rest),
    "optimizer" => OptimizerMode.Run(rest),
    "search-http" => await SearchHttpMode.RunAsync(rest),
    "analytics" => await AnalyticsMode.RunAsync(rest),
    "state" => await StateMode.RunAsync(rest),
    "hand-over" => await HandOverMode.RunAsync(rest),
    "scale-out" => await ScaleOutMode.RunAsync(rest),
    "http" => await HttpMode.RunAsync(rest),
    "chat" => await ChatMode.RunAsync(rest),
    "knowledge-quality" => await KnowledgeQualityMode.RunAsync(rest),
    "knowledge-search" => await KnowledgeSearchMode.RunAsync(rest),
    "knowledge" => await KnowledgeHttpMode.RunAsync(rest),
    "ingest-parse" => IngestParseMode.Run(rest),
    "tenant-keys" => await TenantKeysMode.RunAsync(rest),
    "vision" => await VisionMode.RunAsync(rest),
    "vision-scheduling" => VisionSchedulingMode.Run(rest),
    "vision-preprocess" => VisionPreprocessMode.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- <mode> [options]");
    Console.Error.WriteLine("modes: runtime, cluster, transport, actor-core, mcts, mcts-strength, search-http, optimizer, analytics, state, hand-over, scale-out, http, knowledge-quality, knowledge-search, knowledge, ingest-parse, tenant-keys, vision, vision-scheduling, vision-preprocess, chat");
    return 2;
}

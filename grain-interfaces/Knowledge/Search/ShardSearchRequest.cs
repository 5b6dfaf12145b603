using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>Asks one shard for its candidates.</summary>
/// <param name="Query">The text searched for (keyword mode and hybrid).</param>
/// <param name="QueryVector">The query's embedding (vector mode and hybrid); null for keyword mode.</param>
/// <param name="Mode">Which candidate lists are wanted.</param>
/// <param name="CandidatesPerMode">How many candidates each wanted mode returns at most.</param>
/// <param name="Filter">Limits the documents searched.</param>
[GenerateSerializer]
[Alias("Knowledge.ShardSearchRequest")]
[Immutable]
public sealed record ShardSearchRequest(
    string Query,
    float[]? QueryVector,
    SearchMode Mode,
    int CandidatesPerMode,
    SearchFilter? Filter = null);

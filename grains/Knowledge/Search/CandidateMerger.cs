using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Grains.Knowledge.Search;

/// <summary>
/// Merges the candidates of a knowledge base's shards into the final results, as one index would rank them: each mode's
/// candidates are merged by raw score into one ranking of the length one index would have produced, then the hybrid
/// ranking (<see cref="HybridRanking"/>) runs on those two rankings. Vector scores are exact across shards; BM25 scores
/// use each shard's term statistics, which agree closely once shards hold thousands of chunks.
/// </summary>
public static class CandidateMerger
{
    /// <summary>How many candidates per mode to ask each shard for, so that merging loses nothing a single index would keep.</summary>
    public static int CandidatesPerMode(KnowledgeSearchRequest request, HybridSearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        return request.Mode == SearchMode.Hybrid ? settings.CandidatesFor(request.TopK) : request.TopK;
    }

    /// <summary>The results of <paramref name="request"/> over all shards' <paramref name="candidates"/>, best first.</summary>
    public static IReadOnlyList<KnowledgeSearchHit> Merge(
        IReadOnlyList<ShardCandidates> candidates, KnowledgeSearchRequest request, HybridSearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var perMode = CandidatesPerMode(request, settings);
        var keyword = request.Mode == SearchMode.Vector ? [] : MergeMode(candidates, static c => c.Keyword, perMode);
        var vector = request.Mode == SearchMode.Keyword ? [] : MergeMode(candidates, static c => c.Vector, perMode);
        if (request.Mode != SearchMode.Hybrid)
        {
            var ranking = request.Mode == SearchMode.Keyword ? keyword : vector;
            var hits = new List<KnowledgeSearchHit>(Math.Min(request.TopK, ranking.Length));
            for (var i = 0; i < ranking.Length && i < request.TopK; i++)
            {
                if (request.Threshold is { } floor && ranking[i].Score < floor)
                {
                    break;
                }

                hits.Add(ToHit(ranking[i], ranking[i].Score));
            }

            return hits;
        }

        // Handles index keyword candidates first, then vector candidates.
        var keywordInputs = new FusionInput[keyword.Length];
        for (var i = 0; i < keyword.Length; i++)
        {
            keywordInputs[i] = new FusionInput(keyword[i].ChunkId, i, keyword[i].Vector);
        }

        var vectorInputs = new FusionInput[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            vectorInputs[i] = new FusionInput(vector[i].ChunkId, keyword.Length + i, vector[i].Vector);
        }

        var chosen = HybridRanking.Select(keywordInputs, vectorInputs, settings, request.TopK, request.Threshold);
        var results = new List<KnowledgeSearchHit>(chosen.Length);
        foreach (var candidate in chosen)
        {
            var source = candidate.Handle < keyword.Length ? keyword[candidate.Handle] : vector[candidate.Handle - keyword.Length];
            results.Add(ToHit(source, candidate.Score));
        }

        return results;
    }

    private static SearchCandidate[] MergeMode(
        IReadOnlyList<ShardCandidates> shards, Func<ShardCandidates, IReadOnlyList<SearchCandidate>> mode, int count)
    {
        var total = 0;
        foreach (var shard in shards)
        {
            total += mode(shard).Count;
        }

        var all = new SearchCandidate[total];
        var at = 0;
        foreach (var shard in shards)
        {
            foreach (var candidate in mode(shard))
            {
                all[at++] = candidate;
            }
        }

        Array.Sort(all, static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.ChunkId, b.ChunkId);
        });
        if (all.Length > count)
        {
            Array.Resize(ref all, count);
        }

        return all;
    }

    private static KnowledgeSearchHit ToHit(SearchCandidate candidate, double score) =>
        new(candidate.ChunkId, candidate.DocumentId, candidate.ExternalId, candidate.Title, candidate.Text, score,
            candidate.HeadingPath, candidate.Position);
}

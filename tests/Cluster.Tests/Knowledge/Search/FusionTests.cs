using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;
using Xunit;
using static Cluster.Tests.Knowledge.Search.TestChunks;

namespace Cluster.Tests.Knowledge.Search;

public sealed class FusionTests
{
    private static FusionInput[] Ranking(params string[] ids) =>
        ids.Select((id, i) => new FusionInput(id, i, new float[] { 1, 0 })).ToArray();

    [Fact]
    public void Reciprocal_rank_fusion_sums_weight_over_k_plus_rank()
    {
        var fused = ReciprocalRankFusion.Fuse(Ranking("a", "b", "c"), Ranking("c", "a", "d"), 1.0, 1.0, 60);

        Assert.Equal(["a", "c", "b", "d"], fused.Select(f => f.ChunkId));
        Assert.Equal((1.0 / 61) + (1.0 / 62), fused[0].Score, 12);
        Assert.Equal((1.0 / 63) + (1.0 / 61), fused[1].Score, 12);
        Assert.Equal(1.0 / 62, fused[2].Score, 12);
        Assert.Equal(1.0 / 63, fused[3].Score, 12);
    }

    [Fact]
    public void Weights_scale_each_rankings_contribution()
    {
        var fused = ReciprocalRankFusion.Fuse(Ranking("a", "b"), Ranking("b", "a"), 1.0, 3.0, 10);

        Assert.Equal(["b", "a"], fused.Select(f => f.ChunkId));
        Assert.Equal((1.0 / 12) + (3.0 / 11), fused[0].Score, 12);
        Assert.Equal((1.0 / 11) + (3.0 / 12), fused[1].Score, 12);
    }

    [Fact]
    public void Equal_fused_scores_are_ordered_by_chunk_id()
    {
        var fused = ReciprocalRankFusion.Fuse(Ranking("z"), Ranking("m"), 1.0, 1.0, 60);

        Assert.Equal(["m", "z"], fused.Select(f => f.ChunkId));
    }

    [Fact]
    public void Mmr_moves_a_near_duplicate_behind_a_distinct_chunk()
    {
        FusedCandidate[] candidates =
        [
            new("a", 0, Direction(2, 0), 0.050),
            new("a-copy", 1, Direction(2, 0, 1, 0.01f), 0.049),
            new("b", 2, Direction(2, 1), 0.045),
        ];
        var picked = new int[3];

        MaximalMarginalRelevance.Select(candidates, 0.7, picked);

        Assert.Equal([0, 2, 1], picked);
    }

    [Fact]
    public void Mmr_with_lambda_one_keeps_the_fused_order()
    {
        FusedCandidate[] candidates =
        [
            new("a", 0, Direction(2, 0), 0.050),
            new("a-copy", 1, Direction(2, 0), 0.049),
            new("b", 2, Direction(2, 1), 0.045),
        ];
        var picked = new int[2];

        var count = MaximalMarginalRelevance.Select(candidates, 1.0, picked);

        Assert.Equal(2, count);
        Assert.Equal([0, 1], picked);
    }

    [Fact]
    public void Hybrid_search_drops_a_duplicated_chunk_below_a_distinct_one()
    {
        using var index = Index(2,
            Make("a", "d1", "solar power plants", Direction(2, 0)),
            Make("a-copy", "d2", "solar power plants", Direction(2, 0)),
            Make("b", "d3", "solar wind", Direction(2, 0, 1, 0.9f)));

        var plain = index.Search(new KnowledgeSearchRequest("solar power", 3, SearchMode.Hybrid), [1, 0], new HybridSearchSettings(MmrLambda: 1.0));
        var deduplicated = index.Search(new KnowledgeSearchRequest("solar power", 3, SearchMode.Hybrid), [1, 0], new HybridSearchSettings(MmrLambda: 0.5));

        Assert.Equal("b", plain[^1].ChunkId);
        Assert.Equal("b", deduplicated[1].ChunkId);
        Assert.True(deduplicated[1].Score < deduplicated[0].Score);
    }

    [Fact]
    public void Hybrid_threshold_applies_to_the_fused_score()
    {
        using var index = Index(2,
            Make("both", "d1", "solar power", Direction(2, 0)),
            Make("keyword-only", "d2", "solar flare", Direction(2, 1)),
            Make("vector-only", "d3", "photovoltaic", Direction(2, 0, 1, 0.2f)));
        var bothRanksFirst = (1.0 / 61) + (1.0 / 61);
        var keywordSecondVectorThird = (1.0 / 62) + (1.0 / 63);

        var hits = index.Search(
            new KnowledgeSearchRequest("solar power", 10, SearchMode.Hybrid, Threshold: (bothRanksFirst + keywordSecondVectorThird) / 2),
            [1, 0],
            HybridSearchSettings.Default);

        Assert.Equal("both", Assert.Single(hits).ChunkId);
        Assert.Equal(bothRanksFirst, hits[0].Score, 12);
    }

    [Fact]
    public void Top_k_keeps_the_best_items_best_first()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 1000).Select(_ => (float)random.NextDouble()).ToArray();
        var top = new TopK(25);
        for (var i = 0; i < scores.Length; i++)
            top.Add(i, scores[i]);
        var items = new int[25];
        var kept = new float[25];

        var count = top.Drain(items, kept);

        Assert.Equal(25, count);
        Assert.Equal(Enumerable.Range(0, 1000).OrderByDescending(i => scores[i]).Take(25), items);
        Assert.Equal(0, top.Count);
    }
}

using Cluster.Grains.Knowledge.Evaluation;
using Xunit;

namespace Cluster.Tests.Knowledge.Evaluation;

public sealed class NdcgTests
{
    [Fact]
    public void Binary_judgements_give_the_hand_computed_value()
    {
        // DCG = 1/log2(3) + 1/log2(4) = 1.130930; ideal = 1 + 1/log2(3) = 1.630930.
        var value = Ndcg.At(10, ["x", "d2", "d3"], new Dictionary<string, int> { ["d2"] = 1, ["d3"] = 1 });

        Assert.Equal(0.693426, value, 6);
    }

    [Fact]
    public void Graded_judgements_use_the_grade_as_gain()
    {
        // DCG = 1/1 + 2/log2(4) = 2; ideal = 2/1 + 1/log2(3) = 2.630930.
        var value = Ndcg.At(10, ["d3", "x", "d1"], new Dictionary<string, int> { ["d1"] = 2, ["d3"] = 1 });

        Assert.Equal(0.760188, value, 6);
    }

    [Fact]
    public void Documents_beyond_the_cut_off_count_for_nothing()
    {
        var relevance = new Dictionary<string, int> { ["d1"] = 1 };

        Assert.Equal(0.0, Ndcg.At(1, ["x", "d1"], relevance));
        Assert.Equal(1.0, Ndcg.At(1, ["d1", "x"], relevance));
    }

    [Fact]
    public void A_document_ranked_twice_counts_once()
    {
        // d1 at rank 1, the repeat skipped, d2 at rank 2: a perfect ranking.
        var value = Ndcg.At(2, ["d1", "d1", "d2"], new Dictionary<string, int> { ["d1"] = 1, ["d2"] = 1 });

        Assert.Equal(1.0, value, 12);
    }

    [Fact]
    public void The_shipped_scifact_subset_loads_with_its_judgements()
    {
        var dataset = BeirDataset.Load(KnowledgeTestData.SciFactSubset);

        Assert.Equal(200, dataset.Corpus.Count);
        Assert.Equal(40, dataset.Queries.Count);
        var ids = dataset.Corpus.Select(d => d.Id).ToHashSet();
        Assert.All(dataset.Queries, q => Assert.Contains(dataset.Judgements[q.Id].Keys, ids.Contains));
    }
}

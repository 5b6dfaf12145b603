using Cluster.Grains.Vision.Models;
using Xunit;

namespace Cluster.Tests.Vision.Models;

public sealed class ReadoutTests
{
    [Fact]
    public void Classes_are_the_five_most_probable_best_first_with_softmax_scores()
    {
        float[] logits = [0f, 3f, 1f, 5f, 2f, 4f, -1f];
        string[] labels = ["a", "b", "c", "d", "e", "f", "g"];

        var classes = Readout.Classes(logits, labels);

        Assert.Equal(["d", "f", "b", "e", "c"], classes.Select(c => c.Label));
        Assert.Equal([3, 5, 1, 4, 2], classes.Select(c => c.Index));
        var total = logits.Sum(l => Math.Exp(l));
        Assert.Equal(Math.Exp(5) / total, classes[0].Score, 1e-5);
    }

    [Fact]
    public void Large_logits_give_finite_scores()
    {
        var classes = Readout.Classes([100f, 104f, 102f], ["r", "g", "b"]);

        Assert.Equal(["g", "b", "r"], classes.Select(c => c.Label));
        Assert.All(classes, c => Assert.True(float.IsFinite(c.Score)));
    }

    [Fact]
    public void An_embedding_has_unit_length_and_a_zero_row_stays_zero()
    {
        var embedding = Readout.Embedding([3f, 4f]);

        Assert.Equal([0.6f, 0.8f], embedding);
        Assert.Equal([0f, 0f], Readout.Embedding([0f, 0f]));
    }
}

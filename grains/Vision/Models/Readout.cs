using System.Numerics.Tensors;
using Cluster.GrainInterfaces.Vision;

namespace Cluster.Grains.Vision.Models;

/// <summary>Turns a model's output row into what a job answers: top classes with softmax scores, or a unit-length embedding.</summary>
public static class Readout
{
    public const int TopClasses = 5;

    /// <summary>The row divided by its L2 norm (a zero row stays zero).</summary>
    public static float[] Embedding(ReadOnlySpan<float> row)
    {
        var embedding = row.ToArray();
        var norm = TensorPrimitives.Norm(row);
        if (norm > 0f)
            TensorPrimitives.Divide(embedding, norm, embedding);
        return embedding;
    }

    /// <summary>The <paramref name="count"/> most probable classes, best first, with softmax probabilities over the whole row.</summary>
    public static ClassScore[] Classes(ReadOnlySpan<float> logits, IReadOnlyList<string> labels, int count = TopClasses)
    {
        // Shifted by the largest logit first: softmax is unchanged by it, and exp cannot overflow to infinity.
        var probabilities = new float[logits.Length];
        TensorPrimitives.Subtract(logits, TensorPrimitives.Max(logits), probabilities);
        TensorPrimitives.SoftMax(probabilities, probabilities);
        count = Math.Min(count, probabilities.Length);
        var best = new int[count];
        var filled = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            // Insertion into the short sorted list of the best so far: count is 5, rows are ~1000.
            var at = filled;
            while (at > 0 && probabilities[best[at - 1]] < probabilities[i])
                at--;
            if (at >= count)
                continue;
            var last = Math.Min(filled, count - 1);
            for (var j = last; j > at; j--)
                best[j] = best[j - 1];
            best[at] = i;
            if (filled < count)
                filled++;
        }

        var classes = new ClassScore[filled];
        for (var k = 0; k < filled; k++)
            classes[k] = new ClassScore(best[k], best[k] < labels.Count ? labels[best[k]] : $"class {best[k]}", probabilities[best[k]]);
        return classes;
    }
}

using System.Numerics.Tensors;

namespace Cluster.Grains.Knowledge.Embeddings;

/// <summary>Scales vectors to unit length, so that a dot product is their cosine similarity.</summary>
public static class UnitVectors
{
    /// <summary>Normalises <paramref name="vector"/> in place; a zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0f && MathF.Abs(norm - 1f) > 1e-6f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}

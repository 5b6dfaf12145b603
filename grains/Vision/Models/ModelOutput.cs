namespace Cluster.Grains.Vision.Models;

/// <summary>What a model's output row means: class logits (classification) or a feature vector (embeddings).</summary>
public enum ModelOutput
{
    Logits,
    Features,
}

namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>An uploaded image cannot be decoded or is over the limits; the message says which and what is accepted.</summary>
public sealed class ImageDecodeException(string reason, Exception? innerException = null)
    : Exception($"image: {reason}", innerException)
{
    public string Reason { get; } = reason;
}

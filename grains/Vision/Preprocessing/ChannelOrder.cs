namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>The order of the three colour planes a model expects.</summary>
public enum ChannelOrder
{
    Rgb,
    Bgr,
}

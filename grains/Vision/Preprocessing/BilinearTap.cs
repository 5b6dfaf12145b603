namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>One axis of a bilinear sample: value = source[Low] × (1 − Weight) + source[High] × Weight.</summary>
public readonly record struct BilinearTap(int Low, int High, float Weight);

namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>The scalars the preprocessing kernel reads: geometry, channel mapping and normalisation, passed by value.</summary>
public readonly record struct PreprocessKernelArguments(
    ResizeGeometry Geometry,
    int Width,
    int Height,
    int Source0,
    int Source1,
    int Source2,
    float Scale0,
    float Scale1,
    float Scale2,
    float Offset0,
    float Offset1,
    float Offset2,
    int HasMean);

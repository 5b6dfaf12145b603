using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>One class of a classification: its index in the model's output, its name, and its softmax probability.</summary>
[GenerateSerializer]
[Alias("Vision.ClassScore")]
[Immutable]
public sealed record ClassScore(int Index, string Label, float Score);

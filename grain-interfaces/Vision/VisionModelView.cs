using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>
/// A catalogue entry: the model's input shape (C,H,W), what it outputs, the tasks it serves, and where it is resident
/// with the footprint and load time measured there.
/// </summary>
[GenerateSerializer]
[Alias("Vision.VisionModelView")]
[Immutable]
public sealed record VisionModelView(
    string Name,
    string Description,
    IReadOnlyList<int> InputShape,
    IReadOnlyList<VisionTask> Tasks,
    int Priority,
    IReadOnlyList<ModelPlacement> Placements);

/// <summary>The model on one device: its residency state and what its last load there measured.</summary>
[GenerateSerializer]
[Alias("Vision.ModelPlacement")]
[Immutable]
public sealed record ModelPlacement(
    string Manager,
    string State,
    bool Pinned,
    long? FootprintBytes,
    double? LoadMilliseconds,
    string? FootprintSource,
    bool? BatchesInOneRun);

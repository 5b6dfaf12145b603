using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>A vision request is invalid; <see cref="Field"/> names the request field (the gateway answers 400 with it).</summary>
[GenerateSerializer]
[Alias("Vision.VisionValidationException")]
public sealed class VisionValidationException : Exception
{
    public VisionValidationException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    [Id(0)]
    public string Field { get; }

    [Id(1)]
    public string Problem { get; }
}

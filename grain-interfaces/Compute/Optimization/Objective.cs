using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

[GenerateSerializer]
[Alias("Compute.Optimization.Objective")]
[Immutable]
public sealed record Objective(string Name, Direction Direction)
{
    /// <summary>The value turned into one to minimise, so samplers need not care about directions.</summary>
    public double ToMinimised(double value) => Direction == Direction.Minimize ? value : -value;
}

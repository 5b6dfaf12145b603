using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>Uniform random search (log-uniform for log parameters). Redraws a few times to avoid the points of running trials.</summary>
internal static class RandomSampler
{
    private const int Redraws = 16;

    public static IReadOnlyDictionary<string, ParameterValue> Suggest(SearchSpace space, TakenPoints running, Random random)
    {
        var point = new double[UnitCube.Dimensions(space)];
        for (var draw = 0; draw < Redraws; draw++)
        {
            UnitCube.Sample(space, random, point);
            if (!running.Contains(point))
                break;
        }
        return UnitCube.Decode(space, point);
    }
}

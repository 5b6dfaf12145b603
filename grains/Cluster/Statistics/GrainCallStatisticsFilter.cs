using System.Diagnostics;
using Orleans;

namespace Cluster.Grains.Cluster;

/// <summary>Records every grain call this silo serves into <see cref="GrainCallStatistics"/>.</summary>
public sealed class GrainCallStatisticsFilter(GrainCallStatistics statistics) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await context.Invoke();
            failed = false;
        }
        finally
        {
            // Orleans' own system grains have no implementation method in our assembly; they are not ours to count.
            if (context.ImplementationMethod is { } method && context.Grain is Grain)
                statistics.For(method).Record(Stopwatch.GetElapsedTime(started).TotalMicroseconds, failed);
        }
    }
}

using System.Diagnostics;
using Orleans;

namespace Cluster.Grains.Cluster;

/// <summary>Records every grain call this silo serves into <see cref="GrainCallStatistics"/>.</summary>
public sealed class GrainCallStatisticsFilter(GrainCallStatistics statistics) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        Task call;
        try
        {
            call = context.Invoke();
        }
        catch
        {
            Record(context, started, failed: true);
            throw;
        }

        // Most grain calls complete synchronously: record them without an async state machine.
        if (call.IsCompletedSuccessfully)
        {
            Record(context, started, failed: false);
            return call;
        }

        return AwaitAsync(call, context, started);
    }

    private async Task AwaitAsync(Task call, IIncomingGrainCallContext context, long started)
    {
        try
        {
            await call;
        }
        catch
        {
            Record(context, started, failed: true);
            throw;
        }

        Record(context, started, failed: false);
    }

    private void Record(IIncomingGrainCallContext context, long started, bool failed)
    {
        // Orleans' own system grains have no implementation method in our assembly; they are not ours to count.
        if (context.ImplementationMethod is { } method && context.Grain is Grain)
            statistics.For(method).Record(Stopwatch.GetElapsedTime(started).TotalMicroseconds, failed);
    }
}

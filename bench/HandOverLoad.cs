using System.Diagnostics;
using Cluster.Bench.Grains;

namespace Cluster.Bench;

/// <summary>
/// Steady writes for the hand-over mode: callers that each write to grain after grain without pause, recording every
/// call in the phase it started in. It counts the writes acknowledged to each grain and keeps every version answered.
/// </summary>
internal sealed class HandOverLoad : IPhasedLoad
{
    private readonly IInventoryGrain[] _grains;
    private readonly long[] _acknowledged;
    private readonly Task<List<long>>[] _callers;
    private HandOverPhase _phase;
    private volatile bool _stopping;

    /// <param name="acknowledged">Writes already acknowledged to each grain; the load adds its own.</param>
    public HandOverLoad(IInventoryGrain[] grains, long[] acknowledged, int callers)
    {
        _grains = grains;
        _acknowledged = acknowledged;
        _phase = new HandOverPhase("warm-up", grains.Length);
        _callers = new Task<List<long>>[callers];
        for (var c = 0; c < callers; c++)
            _callers[c] = CallerAsync(c);
    }

    /// <summary>Calls that start from now on belong to <paramref name="phase"/>.</summary>
    public void Enter(HandOverPhase phase) => Interlocked.Exchange(ref _phase, phase).End();

    /// <summary>Stops the callers; returns every version answered, as grain &lt;&lt; 32 | version.</summary>
    public async Task<List<long>> StopAsync()
    {
        _stopping = true;
        Volatile.Read(ref _phase).End();
        var versions = new List<long>();
        foreach (var answered in await Task.WhenAll(_callers))
            versions.AddRange(answered);
        return versions;
    }

    private async Task<List<long>> CallerAsync(int index)
    {
        await Task.Yield();
        var answered = new List<long>(16_384);
        // Each caller walks its own share of the grains, so no two callers queue on one grain and a pass of all callers
        // calls every grain once.
        var first = (int)((long)index * _grains.Length / _callers.Length);
        var end = (int)((long)(index + 1) * _grains.Length / _callers.Length);
        var g = first;
        while (!_stopping)
        {
            var phase = Volatile.Read(ref _phase);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var version = await _grains[g].AddAsync("gold", 1);
                phase.Answered(g, Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                Interlocked.Increment(ref _acknowledged[g]);
                answered.Add(((long)g << 32) | version);
            }
            catch (Exception e)
            {
                // A failed call is counted and the caller moves on, as a game server would retry it later.
                phase.Failed(e, Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }

            if (++g == end)
                g = first;
        }

        return answered;
    }
}

using System.Diagnostics;
using Cluster.GrainInterfaces.Cluster;

namespace Cluster.Bench;

/// <summary>
/// The calls that started during one stretch of a hand-over run (the cluster settled, a silo joining, a silo
/// leaving): their latency, the slowest, the failures, and when every grain had answered a call started in it.
/// </summary>
internal sealed class HandOverPhase(string name, int grains)
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly int[] _answered = new int[grains];
    private int _grainsAnswered;
    private long _allAnsweredAt;

    /// <summary>
    /// Makes the change (or nothing) the start of a new phase, then lets the load run <paramref name="after"/> more and
    /// until every key has answered a call started in the phase, or <paramref name="answerLimit"/> has passed.
    /// </summary>
    public static async Task<HandOverPhase> RunAsync(
        IPhasedLoad load, TimeSpan answerLimit, string name, int keys, Func<Task> change, TimeSpan after)
    {
        var phase = new HandOverPhase(name, keys);
        load.Enter(phase);
        await change();
        await Task.Delay(after);
        while (phase.AllAnsweredMs is null && phase.ElapsedSeconds < answerLimit.TotalSeconds)
            await Task.Delay(50);
        return phase;
    }
    private long _endedAt;
    private long _calls;
    private long _failures;
    private long _maxMicros;

    public string Name { get; } = name;

    public LatencyHistogram Latency { get; } = new();

    public string? FirstFailure { get; private set; }

    public long Calls => Interlocked.Read(ref _calls);

    public long Failures => Interlocked.Read(ref _failures);

    public double MaxMs => Interlocked.Read(ref _maxMicros) / 1000.0;

    /// <summary>Milliseconds from the phase's start until every grain had answered a call started in it; null if some never did.</summary>
    public double? AllAnsweredMs
    {
        get
        {
            var at = Interlocked.Read(ref _allAnsweredAt);
            return at == 0 ? null : Stopwatch.GetElapsedTime(_startedAt, at).TotalMilliseconds;
        }
    }

    /// <summary>From the phase's start until it ended, or until now while it goes on.</summary>
    public double ElapsedSeconds =>
        Stopwatch.GetElapsedTime(_startedAt, Interlocked.Read(ref _endedAt) is var ended and not 0 ? ended : Stopwatch.GetTimestamp()).TotalSeconds;

    /// <summary>No more calls start in this phase; those in flight still count in it when they end.</summary>
    public void End() => Interlocked.CompareExchange(ref _endedAt, Stopwatch.GetTimestamp(), 0);

    public void Answered(int grain, double micros)
    {
        Record(micros);
        if (Interlocked.Exchange(ref _answered[grain], 1) == 0 && Interlocked.Increment(ref _grainsAnswered) == _answered.Length)
            Interlocked.Exchange(ref _allAnsweredAt, Stopwatch.GetTimestamp());
    }

    public void Failed(Exception error, double micros)
    {
        Record(micros);
        if (Interlocked.Increment(ref _failures) == 1)
            FirstFailure = $"{error.GetType().Name}: {error.Message}";
    }

    public string Describe() =>
        $"{Name}: {Calls} calls in {ElapsedSeconds:F1} s, {Failures} failed{(FirstFailure is null ? "" : $" (first: {FirstFailure})")}, "
        + $"p99 {Latency.PercentileMicros(0.99) / 1000:F1} ms, max {MaxMs:F1} ms, all grains answered after {(AllAnsweredMs is { } ms ? $"{ms:F0} ms" : "never")}";

    private void Record(double micros)
    {
        Interlocked.Increment(ref _calls);
        Latency.Record(micros);
        var max = Interlocked.Read(ref _maxMicros);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicros, (long)micros, max);
            if (seen == max)
                break;
            max = seen;
        }
    }
}

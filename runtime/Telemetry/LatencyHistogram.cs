namespace Cluster.Runtime.Telemetry;

/// <summary>
/// A lock-free latency histogram with logarithmic buckets (about 9% wide) from 1 µs to ~70 s: recording is one
/// interlocked increment, and percentiles are read from the bucket counts.
/// </summary>
public sealed class LatencyHistogram
{
    private const int BucketsPerOctave = 8;
    private const int Octaves = 27;
    private readonly long[] _counts = new long[BucketsPerOctave * Octaves + 1];
    private long _count;
    private long _sumMicros;

    public long Count => Volatile.Read(ref _count);

    public double MeanMicros => Count == 0 ? 0 : (double)Volatile.Read(ref _sumMicros) / Count;

    public void Record(double micros)
    {
        Interlocked.Increment(ref _counts[BucketOf(micros)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicros, (long)micros);
    }

    private static int BucketOf(double micros)
    {
        if (micros <= 1)
            return 0;
        var index = (int)(Math.Log2(micros) * BucketsPerOctave) + 1;
        return Math.Min(index, BucketsPerOctave * Octaves);
    }

    private static double UpperBound(int bucket) => bucket == 0 ? 1 : Math.Pow(2, (double)bucket / BucketsPerOctave);

    /// <summary>The latency under which the given fraction of recorded calls fell (bucket upper bound).</summary>
    public double PercentileMicros(double fraction)
    {
        var total = Count;
        if (total == 0)
            return 0;
        var rank = (long)Math.Ceiling(fraction * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= rank)
                return UpperBound(i);
        }
        return UpperBound(_counts.Length - 1);
    }
}

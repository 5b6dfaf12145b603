namespace Cluster.GrainInterfaces.Cluster;

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

    /// <summary>A copy of the bucket counts and the sum, to send elsewhere and merge.</summary>
    public (long[] Counts, long SumMicros) Export()
    {
        var counts = new long[_counts.Length];
        for (var i = 0; i < counts.Length; i++)
            counts[i] = Volatile.Read(ref _counts[i]);
        return (counts, Volatile.Read(ref _sumMicros));
    }

    /// <summary>Adds exported counts (from another silo) into this histogram.</summary>
    public void Merge(IReadOnlyList<long> counts, long sumMicros)
    {
        if (counts.Count != _counts.Length)
            throw new ArgumentException($"Expected {_counts.Length} buckets, got {counts.Count}.", nameof(counts));
        long total = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            Interlocked.Add(ref _counts[i], counts[i]);
            total += counts[i];
        }
        Interlocked.Add(ref _count, total);
        Interlocked.Add(ref _sumMicros, sumMicros);
    }

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

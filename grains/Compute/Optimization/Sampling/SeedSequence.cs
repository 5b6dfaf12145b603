namespace Cluster.Grains.Compute.Optimization;

/// <summary>Derives independent, reproducible random streams from one seed (SplitMix64 mixing).</summary>
public static class SeedSequence
{
    /// <summary>The seed of the suggestion for trial <paramref name="trialId"/> of a study seeded with <paramref name="studySeed"/>.</summary>
    public static long ForTrial(long studySeed, int trialId) =>
        unchecked((long)Mix((ulong)studySeed + 0x9E3779B97F4A7C15UL * (ulong)(trialId + 1)));

    /// <summary>A <see cref="Random"/> whose sequence depends only on <paramref name="seed"/>.</summary>
    public static Random Random(long seed)
    {
        var mixed = Mix((ulong)seed);
        return new Random(unchecked((int)(mixed ^ (mixed >> 32))) & int.MaxValue);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

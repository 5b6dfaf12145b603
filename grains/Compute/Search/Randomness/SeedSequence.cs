namespace Cluster.Grains.Compute.Search.Randomness;

/// <summary>SplitMix64 seeding: expands one seed into generator states and into independent per-worker seeds.</summary>
public static class SeedSequence
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> and returns the next SplitMix64 output.</summary>
    public static ulong NextSplitMix64(ref ulong state)
    {
        state += Golden;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Seed of worker <paramref name="stream"/> in a root-parallel search seeded with <paramref name="seed"/>:
    /// distinct streams give unrelated generators, and the same (seed, stream) always gives the same one.
    /// </summary>
    public static ulong Derive(ulong seed, int stream)
    {
        var state = seed ^ ((ulong)(uint)stream * 0xD1B54A32D192ED03UL);
        NextSplitMix64(ref state);
        return NextSplitMix64(ref state);
    }

    /// <summary>A fresh unpredictable seed for requests that did not ask for reproducibility.</summary>
    public static ulong Fresh() => unchecked((ulong)System.Random.Shared.NextInt64(long.MinValue, long.MaxValue));
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace Cluster.Grains.Compute.Search.Randomness;

/// <summary>
/// xoshiro256** pseudo-random generator (Blackman &amp; Vigna). A mutable struct passed by <c>ref</c> so the
/// search loops draw numbers without allocation or virtual calls, and identical seeds replay identical searches.
/// </summary>
public struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the four state words from SplitMix64, which never yields the forbidden all-zero state.</summary>
    public Xoshiro256(ulong seed)
    {
        var mixer = seed;
        _s0 = SeedSequence.NextSplitMix64(ref mixer);
        _s1 = SeedSequence.NextSplitMix64(ref mixer);
        _s2 = SeedSequence.NextSplitMix64(ref mixer);
        _s3 = SeedSequence.NextSplitMix64(ref mixer);
    }

    /// <summary>Next 64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>
    /// Integer in [0, <paramref name="bound"/>) by Lemire's multiply-shift on the high 32 bits; the bias (at most
    /// bound / 2^32) is far below anything a tree search can notice and it avoids a division per draw.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int bound) => (int)(((NextUInt64() >> 32) * (uint)bound) >> 32);

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}

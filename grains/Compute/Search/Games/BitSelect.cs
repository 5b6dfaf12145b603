using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Games;

/// <summary>Picks set bits of a bitboard: the core of uniformly random move choice on bitboards.</summary>
internal static class BitSelect
{
    /// <summary>Index of a uniformly chosen set bit of a non-zero <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RandomSetBit(ulong bits, ref Xoshiro256 rng)
        => NthSetBit(bits, rng.NextInt(BitOperations.PopCount(bits)));

    /// <summary>Index of the <paramref name="n"/>-th (from 0, lowest first) set bit of <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NthSetBit(ulong bits, int n)
    {
        if (Bmi2.X64.IsSupported)
        {
            return BitOperations.TrailingZeroCount(Bmi2.X64.ParallelBitDeposit(1UL << n, bits));
        }

        for (var i = 0; i < n; i++)
        {
            bits &= bits - 1;
        }

        return BitOperations.TrailingZeroCount(bits);
    }
}

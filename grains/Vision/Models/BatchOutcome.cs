namespace Cluster.Grains.Vision.Models;

/// <summary>One batch's output: image i's row is at <c>Slots[i] × Width</c> in <see cref="Rows"/>, or Slots[i] is −1 and Errors[i] says why.</summary>
public sealed record BatchOutcome(float[] Rows, int Width, int[] Slots, string?[] Errors, int RanImages)
{
    public ReadOnlySpan<float> Row(int image) => Rows.AsSpan(Slots[image] * Width, Width);
}

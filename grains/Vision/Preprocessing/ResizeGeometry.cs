namespace Cluster.Grains.Vision.Preprocessing;

/// <summary>
/// Where each output pixel samples its source: output (x, y) sits at (x + OffsetX, y + OffsetY) of the resized image,
/// whose pixel centres map back to the source by the half-pixel rule (as torchvision and OpenCV resize do).
/// The CPU path and the kernel both sample through <see cref="Tap"/>, so they agree to rounding.
/// </summary>
public readonly record struct ResizeGeometry(int SourceWidth, int SourceHeight, int OffsetX, int OffsetY, float ScaleX, float ScaleY)
{
    public static ResizeGeometry For(int sourceWidth, int sourceHeight, PreprocessSpec spec)
    {
        int resizedWidth = spec.Width, resizedHeight = spec.Height;
        if (spec.ResizeShorterSide > 0)
        {
            var shorter = spec.ResizeShorterSide;
            if (sourceWidth <= sourceHeight)
            {
                resizedWidth = shorter;
                resizedHeight = (int)((long)shorter * sourceHeight / sourceWidth);
            }
            else
            {
                resizedHeight = shorter;
                resizedWidth = (int)((long)shorter * sourceWidth / sourceHeight);
            }
        }

        return new ResizeGeometry(
            sourceWidth,
            sourceHeight,
            (int)Math.Round((resizedWidth - spec.Width) / 2.0),
            (int)Math.Round((resizedHeight - spec.Height) / 2.0),
            (float)sourceWidth / resizedWidth,
            (float)sourceHeight / resizedHeight);
    }

    /// <summary>The two source indices output index <paramref name="index"/> blends and the weight of the second.</summary>
    public static BilinearTap Tap(int index, int offset, float scale, int sourceLength)
    {
        var position = (index + offset + 0.5f) * scale - 0.5f;
        if (position < 0f)
            position = 0f;
        var low = (int)position;
        if (low >= sourceLength - 1)
            return new BilinearTap(sourceLength - 1, sourceLength - 1, 0f);
        return new BilinearTap(low, low + 1, position - low);
    }
}

namespace Cluster.Grains.Vision.Models;

/// <summary>Model names travel in URLs (/vision/models/{name}/load): a short, URL-safe alphabet.</summary>
public static class ModelNames
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
            return false;
        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
                return false;
        }

        return true;
    }
}

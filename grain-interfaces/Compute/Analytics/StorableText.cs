namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>Text a database can keep as it is: PostgreSQL text cannot hold NUL, and an unpaired surrogate has no UTF-8 form.</summary>
public static class StorableText
{
    public const string Problem = "must not contain NUL characters or unpaired surrogates.";

    public static bool Is(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
                return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return false;
        }
        return true;
    }
}

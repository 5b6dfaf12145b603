using System.Buffers;

namespace Cluster.Grains.ActorCore;

/// <summary>The dimension naming rule <c>^[a-z][a-z0-9_]*$</c>, checked without a regex because it runs per contribution.</summary>
public static class DimensionName
{
    public const string Pattern = "^[a-z][a-z0-9_]*$";

    private static readonly SearchValues<char> Tail = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && char.IsAsciiLetterLower(name[0]) && !name.AsSpan(1).ContainsAnyExcept(Tail);
}

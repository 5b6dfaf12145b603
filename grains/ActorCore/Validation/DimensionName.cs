using System.Buffers;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// The dimension naming rule <c>^[a-z][a-z0-9_]*$</c> of the schemas, at most <see cref="MaxLength"/> characters so that
/// every stored name stays small; checked without a regex because it runs per contribution.
/// </summary>
public static class DimensionName
{
    public const int MaxLength = 128;

    public const string Pattern = "^[a-z][a-z0-9_]*$ (at most 128 characters)";

    private static readonly SearchValues<char> Tail = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && char.IsAsciiLetterLower(name[0]) && !name.AsSpan(1).ContainsAnyExcept(Tail);
}

using System.Buffers;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// The rule <c>^[A-Za-z0-9_.:-]{1,128}$</c> for actor ids, subsystem names and context names: safe in a URL path
/// segment and as a grain key. Checked without a regex because every request passes through it.
/// </summary>
public static class KeyName
{
    public const string Pattern = "^[A-Za-z0-9_.:-]{1,128}$";

    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-");

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && !name.AsSpan().ContainsAnyExcept(Allowed);
}

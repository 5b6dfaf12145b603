namespace Cluster.Runtime.Serialization;

/// <summary>
/// Copies call arguments and results so a grain never shares a mutable object with its caller. Immutable types
/// (see <see cref="Immutability"/>) pass through; others are deep-copied through the calling runtime's serializer.
/// </summary>
public static class Copier<T>
{
    private static readonly bool IsShareable = Immutability.IsImmutable(typeof(T));

    public static T Copy(T value)
    {
        if (IsShareable || value is null)
            return value;
        var json = CopyContext.Current
            ?? throw new InvalidOperationException("Values can only be copied inside a grain call.");
        return json.Copy(value);
    }
}

/// <summary>The serializer of the runtime that is copying a call's values, set around the copy.</summary>
internal static class CopyContext
{
    [ThreadStatic]
    private static ClusterJson? _current;

    public static ClusterJson? Current => _current;

    public static Scope Enter(ClusterJson json)
    {
        var previous = _current;
        _current = json;
        return new Scope(previous);
    }

    public readonly struct Scope(ClusterJson? previous) : IDisposable
    {
        public void Dispose() => _current = previous;
    }
}

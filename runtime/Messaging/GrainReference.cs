using Cluster.Runtime.Messaging;

namespace Cluster.Runtime;

/// <summary>
/// Base of generated grain proxies: a grain's identity plus where to send its calls. References are immutable and
/// compare by grain id, so they can be stored, used as keys and passed in calls.
/// </summary>
[Immutable]
public abstract class GrainReference : IEquatable<GrainReference>
{
    protected GrainReference(IGrainCallSink sink, GrainId grainId)
    {
        Sink = sink;
        GrainId = grainId;
    }

    public GrainId GrainId { get; }

    internal IGrainCallSink Sink { get; }

    /// <summary>The implementing grain class, resolved once when the reference is created.</summary>
    internal Catalog.GrainClassInfo? ClassInfo { get; set; }

    protected Task<TResult> Invoke<TResult>(Request<TResult> request, CancellationToken cancellationToken) =>
        Sink.SendAsync(this, request, cancellationToken);

    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();
}

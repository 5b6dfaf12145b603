namespace Cluster.Grains.Vision.Residency;

/// <summary>
/// A catalogue entry as the books see it: the model's footprint on the device (an estimate until a load measures it),
/// how valuable it is to keep, and whether it is pinned (never evicted).
/// </summary>
public sealed record ModelSpec(string Name, long Bytes, VisionPriority Priority, bool Pinned = false)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the field when the entry cannot be booked.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw new ArgumentException("name: a model needs a non-empty name.", nameof(Name));
        if (Bytes <= 0)
            throw new ArgumentException($"bytes: model '{Name}' must have a positive footprint; got {Bytes}.", nameof(Bytes));
        if (!Enum.IsDefined(Priority))
            throw new ArgumentException($"priority: model '{Name}' has priority {(int)Priority}; use 1, 2, 5, 8 or 10.", nameof(Priority));
    }
}

namespace Cluster.Grains.Vision.Residency;

/// <summary>
/// A request does not fit the model's current state (unload of a model in use or pinned, a job on a model that is not
/// resident); the message says what to do first.
/// </summary>
public sealed class ResidencyConflictException(string model, string reason) : Exception($"model '{model}': {reason}")
{
    public string Model { get; } = model;

    public string Reason { get; } = reason;
}

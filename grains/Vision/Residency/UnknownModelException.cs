namespace Cluster.Grains.Vision.Residency;

/// <summary>A request named a model that is not in the device's catalogue.</summary>
public sealed class UnknownModelException(string model)
    : Exception($"model: '{model}' is not in the catalogue; register it first or use one of the listed models.")
{
    public string Model { get; } = model;
}

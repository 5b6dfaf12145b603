using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// A validated parameter of a search space. Numeric parameters use <see cref="Low"/>, <see cref="High"/>
/// and <see cref="Log"/>; categorical ones use <see cref="Choices"/> (empty for numeric parameters).
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.Parameter")]
[Immutable]
public sealed record Parameter(string Name, ParameterKind Kind, double Low, double High, bool Log, IReadOnlyList<string> Choices)
{
    public static Parameter Float(string name, double low, double high, bool log = false) =>
        new(name, ParameterKind.Float, low, high, log, []);

    public static Parameter Int(string name, long low, long high, bool log = false) =>
        new(name, ParameterKind.Int, low, high, log, []);

    public static Parameter Categorical(string name, params string[] choices) =>
        new(name, ParameterKind.Categorical, 0, 0, false, choices);

    /// <summary>Width of this parameter in the unit-cube encoding the Gaussian process sees.</summary>
    [JsonIgnore]
    public int EncodedWidth => Kind == ParameterKind.Categorical ? Choices.Count : 1;
}

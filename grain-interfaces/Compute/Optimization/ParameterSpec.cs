using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// A parameter as a client writes it: <c>{name, type: "float"|"int"|"categorical", low?, high?, log?, choices?}</c>.
/// Everything is optional here so that validation can name what is missing.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.ParameterSpec")]
[Immutable]
public sealed record ParameterSpec(
    string? Name,
    string? Type,
    double? Low = null,
    double? High = null,
    bool? Log = null,
    IReadOnlyList<string>? Choices = null);

using Cluster.GrainInterfaces.Compute.Optimization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>The best trial of an optimisation study over the same parameters, offered as evidence to a recommendation.</summary>
[GenerateSerializer]
[Alias("Compute.Analytics.StudyEvidence")]
[Immutable]
public sealed record StudyEvidence(string Study, IReadOnlyDictionary<string, ParameterValue> Parameters, IReadOnlyList<double> Values);

using Cluster.Grains.Compute.Optimization;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>The best trial of an optimisation study over the same parameters, offered as evidence to a recommendation.</summary>
public sealed record StudyEvidence(string Study, IReadOnlyDictionary<string, ParameterValue> Parameters, IReadOnlyList<double> Values);

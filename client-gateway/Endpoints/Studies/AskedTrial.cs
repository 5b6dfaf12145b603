using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Gateway.Endpoints.Studies;

/// <summary>The answer to <c>POST /api/v1/studies/{id}/trials/ask</c>: the trial to evaluate next.</summary>
public sealed record AskedTrial(int TrialId, IReadOnlyDictionary<string, ParameterValue> Params);

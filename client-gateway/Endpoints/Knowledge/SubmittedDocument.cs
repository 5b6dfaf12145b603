using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Gateway.Endpoints.Knowledge;

/// <summary>A stored document waiting for ingestion; poll <c>GET …/documents/{id}</c> for its status.</summary>
public sealed record SubmittedDocument(string Id, DocumentStatus Status);

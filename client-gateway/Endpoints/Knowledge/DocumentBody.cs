using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Gateway.Endpoints.Knowledge;

/// <summary>A document sent as JSON: <c>{title, text, externalId?, metadata?}</c>.</summary>
public sealed record DocumentBody(string? Title, string? Text, string? ExternalId = null, IReadOnlyDictionary<string, string>? Metadata = null)
{
    public DocumentUpload ToUpload() => new(Title, Text, ExternalId: ExternalId, Metadata: Metadata);
}

using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>The knowledge base already holds a document with the same content (HTTP 409); nothing was stored.</summary>
[GenerateSerializer]
[Alias("Knowledge.DuplicateDocumentException")]
public sealed class DuplicateDocumentException : ConflictException
{
    /// <param name="source">The request part holding the duplicate (e.g. <c>documents[4]</c>), named in the message.</param>
    public DuplicateDocumentException(string existingDocumentId, string source)
        : base($"{source}: the knowledge base already holds this content as document '{existingDocumentId}'.")
    {
        ExistingDocumentId = existingDocumentId;
    }

    [Id(0)]
    public string ExistingDocumentId { get; }
}

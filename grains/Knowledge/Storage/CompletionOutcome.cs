namespace Cluster.Grains.Knowledge.Storage;

/// <summary>What became of a worker's attempt to store a document's chunks.</summary>
public enum CompletionOutcome
{
    /// <summary>The chunks are stored and the document is completed.</summary>
    Completed,

    /// <summary>The document was deleted or reset meanwhile; nothing was stored.</summary>
    Abandoned,

    /// <summary>The knowledge base's embedding models changed meanwhile; embed again with the current ones.</summary>
    ModelsChanged,
}

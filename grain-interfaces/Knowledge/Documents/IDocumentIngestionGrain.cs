using Orleans;
using Orleans.Concurrency;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>
/// Chunks, embeds and stores pending documents of one knowledge base (keyed by its id). A document is claimed in
/// storage before it is worked on, so a document offered twice (by its upload and by the recovery scan) is
/// processed once.
/// </summary>
[Alias("Knowledge.IDocumentIngestionGrain")]
public interface IDocumentIngestionGrain : IGrainWithStringKey
{
    /// <summary>Processes the document if it is pending, or processing under an expired claim; otherwise does nothing.</summary>
    [Alias("ProcessAsync")]
    [OneWay]
    Task ProcessAsync(string documentId);
}

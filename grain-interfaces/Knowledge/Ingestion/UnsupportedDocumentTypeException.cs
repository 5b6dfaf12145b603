using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Ingestion;

/// <summary>The document is of a type the parsers do not read (e.g. an image, a spreadsheet or a legacy .doc file).</summary>
[GenerateSerializer]
[Alias("Knowledge.UnsupportedDocumentTypeException")]
public sealed class UnsupportedDocumentTypeException(string message) : DocumentRejectedException(message);

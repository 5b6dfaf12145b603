using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>Restricts a search to some documents and to chunks whose document metadata holds every given pair.</summary>
[GenerateSerializer]
[Alias("Knowledge.SearchFilter")]
[Immutable]
public sealed record SearchFilter(
    IReadOnlyList<string>? DocumentIds = null,
    IReadOnlyDictionary<string, string>? Metadata = null);

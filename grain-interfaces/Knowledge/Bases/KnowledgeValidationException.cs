using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>
/// A knowledge-base or document request is invalid; nothing changed. <see cref="Field"/> is the JSON path of the
/// offending field, e.g. <c>chunking.overlap</c> or <c>documents[3].text</c>.
/// </summary>
[GenerateSerializer]
[Alias("Knowledge.KnowledgeValidationException")]
public sealed class KnowledgeValidationException : Exception
{
    public KnowledgeValidationException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
    }

    [Id(0)]
    public string Field { get; }
}

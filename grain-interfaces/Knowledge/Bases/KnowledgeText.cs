using Cluster.GrainInterfaces.Compute.Analytics;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>Refuses text that PostgreSQL cannot store as sent (NUL, unpaired surrogates), naming the field.</summary>
public static class KnowledgeText
{
    /// <exception cref="KnowledgeValidationException">naming <paramref name="field"/>.</exception>
    public static string? Storable(string? value, string field) =>
        value is null || StorableText.Is(value) ? value : throw new KnowledgeValidationException(field, StorableText.Problem);
}

using Cluster.GrainInterfaces.Compute.Analytics;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>Rules shared by task type and agent names.</summary>
public static class AgentNames
{
    /// <summary>Throws <see cref="AgentValidationException"/> for <paramref name="field"/> unless <paramref name="name"/> is a usable name.</summary>
    public static void Check(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new AgentValidationException(field, $"{field} is required.");
        }

        if (name.Length > AgentFeedback.MaxNameLength)
        {
            throw new AgentValidationException(field, $"{field} is {name.Length} characters long; at most {AgentFeedback.MaxNameLength} are allowed.");
        }

        if (!StorableText.Is(name))
        {
            throw new AgentValidationException(field, $"{field} {StorableText.Problem}");
        }
    }
}

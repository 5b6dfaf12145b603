namespace Cluster.Grains.Compute.Agents.Models;

/// <summary>Rules shared by task type and agent names.</summary>
internal static class AgentNames
{
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
    }
}

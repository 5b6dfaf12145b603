namespace Cluster.Grains;

/// <summary>The grain storages the grains of this assembly name; a silo configures every one of them.</summary>
public static class GrainStorageNames
{
    public const string Actors = "actors";
    public const string Studies = "studies";
    public const string StudyNames = "studyNames";
    public const string AgentModels = "agentModels";
    public const string ChatSessions = "chatSessions";
    public const string Tenants = "tenants";
    public const string ApiKeys = "apiKeys";

    public static IReadOnlyList<string> All { get; } = [Actors, Studies, StudyNames, AgentModels, ChatSessions, Tenants, ApiKeys];
}

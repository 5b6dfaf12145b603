using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>A chat request is invalid; <see cref="Field"/> is the JSON path of the offending field (HTTP 400).</summary>
[GenerateSerializer]
[Alias("Chat.ChatValidationException")]
public sealed class ChatValidationException : Exception
{
    public ChatValidationException(string field, string problem)
        : base($"{field} {problem}")
    {
        Field = field;
    }

    [Id(0)]
    public string Field { get; }
}

using System.Text.Json.Serialization;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>Where a message's answer stands.</summary>
public enum ChatMessageStatus
{
    /// <summary>Being written.</summary>
    [JsonStringEnumMemberName("answering")]
    Answering,

    /// <summary>Written in full.</summary>
    [JsonStringEnumMemberName("done")]
    Done,

    /// <summary>Ended early by a stop request; the answer holds what was written until then.</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped,

    /// <summary>Ended by an error; the answer holds what was written until then.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}

namespace Cluster.GrainInterfaces.Chat;

/// <summary>Where a message's answer stands.</summary>
public enum ChatMessageStatus
{
    /// <summary>Being written.</summary>
    Answering,

    /// <summary>Written in full.</summary>
    Done,

    /// <summary>Ended early by a stop request; the answer holds what was written until then.</summary>
    Stopped,

    /// <summary>Ended by an error; the answer holds what was written until then.</summary>
    Failed,
}

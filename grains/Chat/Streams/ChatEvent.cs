namespace Cluster.Grains.Chat.Streams;

/// <summary>
/// One event of a message's answer: <see cref="Id"/> counts from 1 within the message, so a client that saw event n
/// resumes after n. <see cref="Data"/> is the event's JSON, stored and sent as is.
/// </summary>
public sealed record ChatEvent(long Id, string Type, string Data)
{
    public const string References = "references";
    public const string Delta = "delta";
    public const string Done = "done";
    public const string Error = "error";

    /// <summary>Done and error end a message's stream; nothing follows them.</summary>
    public bool IsFinal => Type is Done or Error;
}

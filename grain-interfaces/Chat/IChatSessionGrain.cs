using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>
/// One chat session over one knowledge base, keyed by the session's id. Every call names the caller's tenant: a
/// session of another tenant answers as if it did not exist.
/// </summary>
[Alias("Chat.IChatSessionGrain")]
public interface IChatSessionGrain : IGrainWithStringKey
{
    /// <summary>Creates the session; creating it again with the same knowledge base and tenant changes nothing.</summary>
    [Alias("CreateAsync")]
    Task<ChatSessionView> CreateAsync(string tenantId, string knowledgeBaseId);

    /// <summary>The session with its kept messages and their references.</summary>
    [Alias("GetAsync")]
    Task<ChatSessionView> GetAsync(string tenantId);

    /// <summary>Stops any answer being written and forgets the session.</summary>
    [Alias("DeleteAsync")]
    Task DeleteAsync(string tenantId);

    /// <summary>
    /// Starts answering <paramref name="question"/> and returns at once with the message's id: the answer is written
    /// by the session, not by the caller, and its events go to the message's event stream.
    /// </summary>
    [Alias("AskAsync")]
    Task<ChatMessageStarted> AskAsync(string tenantId, ChatQuestion question);

    /// <summary>Ends the generation of a message; false when it had already ended.</summary>
    [Alias("StopAsync")]
    Task<bool> StopAsync(string tenantId, string messageId);
}

using Cluster.Grains.Chat.Answering;
using Cluster.Grains.Chat.Retrieval;

namespace Cluster.Grains.Chat.Sessions;

/// <summary>One question to answer: where from, with what history, and where its events go.</summary>
/// <param name="Started">Stopwatch timestamp of the question's arrival, for the latency the done event reports.</param>
public sealed record AnswerJob(
    string SessionId,
    string MessageId,
    string Question,
    int TopK,
    IReadOnlyList<ChatRound> History,
    IPassageSource Source,
    long Started);

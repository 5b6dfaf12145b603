using Cluster.GrainInterfaces.Chat;

namespace Cluster.Grains.Chat.Answering;

/// <summary>What an answerer gets: the question, the session's kept rounds, and the numbered passages it may cite.</summary>
public sealed record AnswerPrompt(string Question, IReadOnlyList<ChatRound> History, IReadOnlyList<ChatReference> Passages);

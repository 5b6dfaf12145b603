namespace Cluster.Grains.Chat.Answering;

/// <summary>An earlier question of the session and the answer it got.</summary>
public sealed record ChatRound(string Question, string Answer);

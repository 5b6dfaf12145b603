using Cluster.GrainInterfaces.Chat;

namespace Cluster.Gateway.Endpoints.Chat;

/// <summary>The body of POST /sessions/{sessionId}/messages.</summary>
/// <param name="Question">The question (1–4,000 characters).</param>
/// <param name="TopK">Passages the answer may draw on (1–20; default 5).</param>
/// <param name="Stream">true (default): the answer as text/event-stream; false: one JSON message once it is written.</param>
public sealed record AskRequest(string Question, int? TopK = null, bool? Stream = null)
{
    public ChatQuestion ToQuestion() => new(Question, TopK);
}

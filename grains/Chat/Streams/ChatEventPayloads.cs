using Cluster.GrainInterfaces.Chat;

namespace Cluster.Grains.Chat.Streams;

/// <summary>The "references" event: the passages the answer may cite, sent before any of its text.</summary>
public sealed record ReferencesPayload(string MessageId, IReadOnlyList<ChatReference> References);

/// <summary>The "delta" event: the next piece of the answer's text.</summary>
public sealed record DeltaPayload(string Text);

/// <summary>
/// The "done" event: the answer ended, in full (status done) or by a stop (stopped). <c>Answerer</c> is "extractive"
/// or "llm:&lt;backend&gt;"; <c>LatencyMs</c> runs from the question to this event, <c>FirstDeltaMs</c> to the first text.
/// </summary>
public sealed record DonePayload(string MessageId, ChatMessageStatus Status, string Answerer, ChatUsage Usage, double LatencyMs, double? FirstDeltaMs);

/// <summary>The "error" event: the answer ended by an error; the text so far stays in the session.</summary>
public sealed record ErrorPayload(string MessageId, string Message);

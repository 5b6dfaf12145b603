using Cluster.GrainInterfaces.Compute.Analytics;
using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>A question asked in a session.</summary>
/// <param name="Question">The question's text (1–4,000 characters).</param>
/// <param name="TopK">How many passages the answer may draw on (1–20; default 5).</param>
[GenerateSerializer]
[Alias("Chat.ChatQuestion")]
[Immutable]
public sealed record ChatQuestion(string Question, int? TopK = null)
{
    public const int MaxQuestionLength = 4_000;
    public const int DefaultTopK = 5;
    public const int MaxTopK = 20;

    public int EffectiveTopK => TopK ?? DefaultTopK;

    /// <summary>Throws a <see cref="ChatValidationException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Question))
            throw new ChatValidationException("question", "is required and must not be blank.");
        // Stored in the session as sent, so it must be storable text.
        if (!StorableText.Is(Question))
            throw new ChatValidationException("question", StorableText.Problem);
        if (Question.Length > MaxQuestionLength)
            throw new ChatValidationException("question", $"is {Question.Length:N0} characters long; the limit is {MaxQuestionLength:N0}.");
        if (TopK is < 1 or > MaxTopK)
            throw new ChatValidationException("topK", $"must be between 1 and {MaxTopK}; it was {TopK}.");
    }
}

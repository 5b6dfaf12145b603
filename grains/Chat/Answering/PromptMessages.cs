using System.Text;
using Microsoft.Extensions.AI;

namespace Cluster.Grains.Chat.Answering;

/// <summary>The messages a model gets: instructions, the kept rounds, then the numbered passages with the question.</summary>
public static class PromptMessages
{
    private const string Instructions =
        "You answer questions about a knowledge base using only the numbered passages given with the question. " +
        "Cite every statement with the number of the passage it comes from, like [1] or [2][3]. " +
        "If the passages do not contain the answer, say that the knowledge base does not answer it. Be concise.";

    private const string RewriteInstructions =
        "Rewrite the user's last question so that it can be understood without the conversation, for a search engine. " +
        "Answer with the rewritten question only.";

    public static List<ChatMessage> ForAnswer(AnswerPrompt prompt)
    {
        var messages = new List<ChatMessage>(prompt.History.Count * 2 + 2) { new(ChatRole.System, Instructions) };
        foreach (var round in prompt.History)
        {
            messages.Add(new ChatMessage(ChatRole.User, round.Question));
            messages.Add(new ChatMessage(ChatRole.Assistant, round.Answer));
        }

        var user = new StringBuilder();
        user.Append("Passages:\n");
        foreach (var passage in prompt.Passages)
            user.Append('[').Append(passage.Number).Append("] ").Append(passage.Title).Append('\n').Append(passage.Text).Append("\n\n");
        user.Append("Question: ").Append(prompt.Question);
        messages.Add(new ChatMessage(ChatRole.User, user.ToString()));
        return messages;
    }

    public static List<ChatMessage> ForRewrite(string question, IReadOnlyList<ChatRound> history)
    {
        var conversation = new StringBuilder();
        foreach (var round in history)
            conversation.Append("User: ").Append(round.Question).Append("\nAssistant: ").Append(round.Answer).Append('\n');
        conversation.Append("User: ").Append(question);
        return [new ChatMessage(ChatRole.System, RewriteInstructions), new ChatMessage(ChatRole.User, conversation.ToString())];
    }
}

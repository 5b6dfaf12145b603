using System.Runtime.CompilerServices;
using System.Text;
using Cluster.GrainInterfaces.Chat;

namespace Cluster.Grains.Chat.Answering;

/// <summary>
/// Answers without a model: picks the passages' sentences that share the most question words (weighted by how rare
/// each word is among the candidate sentences, with a small preference for better-ranked passages), keeps them in
/// passage order, cites each as [n], and streams the result a few words at a time. The answer quotes the knowledge
/// base; it does not paraphrase or reason, and the done event says so by naming the answerer "extractive".
/// </summary>
public sealed class ExtractiveAnswerer(ExtractiveOptions options) : IAnswerer
{
    public const string Name = "extractive";
    public const string NothingFound = "The knowledge base has no passage that answers this question.";

    private const int WordsPerDelta = 4;

    public Task<string> RewriteQueryAsync(string question, IReadOnlyList<ChatRound> history, CancellationToken cancellation) =>
        Task.FromResult(question);

    public async IAsyncEnumerable<string> AnswerAsync(AnswerPrompt prompt, AnswerReport report, [EnumeratorCancellation] CancellationToken cancellation)
    {
        report.Answerer = Name;
        var answer = Compose(prompt);
        report.Usage = new ChatUsage(WordCount.Of(prompt), WordCount.Of(answer), "words");
        var start = 0;
        var words = 0;
        for (var i = 0; i < answer.Length; i++)
        {
            if (answer[i] != ' ' || ++words < WordsPerDelta)
                continue;
            cancellation.ThrowIfCancellationRequested();
            yield return answer[start..(i + 1)];
            await Task.Yield();
            start = i + 1;
            words = 0;
        }

        if (start < answer.Length)
            yield return answer[start..];
    }

    /// <summary>The whole answer: the best sentences, each followed by the citation of its passage.</summary>
    public string Compose(AnswerPrompt prompt)
    {
        if (prompt.Passages.Count == 0)
            return NothingFound;
        var question = new HashSet<string>(StringComparer.Ordinal);
        QueryTerms.Collect(prompt.Question, question);

        var candidates = new List<Candidate>();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < prompt.Passages.Count; p++)
        {
            var sentences = Sentences.Of(prompt.Passages[p].Text);
            for (var s = 0; s < sentences.Count; s++)
            {
                terms.Clear();
                QueryTerms.Collect(sentences[s], terms);
                terms.IntersectWith(question);
                var matched = new string[terms.Count];
                terms.CopyTo(matched);
                foreach (var term in matched)
                    frequency[term] = frequency.GetValueOrDefault(term) + 1;
                candidates.Add(new Candidate(p, s, sentences[s], matched));
            }
        }

        var scored = new List<(double Score, Candidate Sentence)>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var score = 0.0;
            foreach (var term in candidate.Matched)
                score += Math.Log(1.0 + (double)candidates.Count / frequency[term]);
            if (score > 0)
                scored.Add((score + 0.1 / (candidate.Passage + 1), candidate));
        }

        scored.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        var chosen = new List<Candidate>();
        var length = 0;
        foreach (var (_, candidate) in scored)
        {
            if (chosen.Count == options.MaxSentences || (chosen.Count > 0 && length + candidate.Text.Length > options.MaxAnswerCharacters))
                break;
            chosen.Add(candidate);
            length += candidate.Text.Length;
        }

        // Nothing shares a word with the question: the best-ranked passage's opening is still the best evidence there is.
        if (chosen.Count == 0)
            chosen.Add(candidates.Count > 0 ? candidates[0] : new Candidate(0, 0, prompt.Passages[0].Text, []));
        chosen.Sort(static (a, b) => a.Passage != b.Passage ? a.Passage.CompareTo(b.Passage) : a.Index.CompareTo(b.Index));

        var answer = new StringBuilder();
        foreach (var sentence in chosen)
        {
            if (answer.Length > 0)
                answer.Append(' ');
            answer.Append(sentence.Text).Append(" [").Append(prompt.Passages[sentence.Passage].Number).Append(']');
        }

        return answer.ToString();
    }

    private sealed record Candidate(int Passage, int Index, string Text, string[] Matched);
}

using System.Text.Json;

namespace Cluster.Grains.Knowledge.Evaluation;

/// <summary>
/// A retrieval test set in BEIR's layout: <c>corpus.jsonl</c> (<c>_id, title, text</c>), <c>queries.jsonl</c>
/// (<c>_id, text</c>) and <c>qrels.tsv</c> (<c>query-id, corpus-id, score</c> with a header line). Only queries with
/// judgements are kept.
/// </summary>
public sealed record BeirDataset(
    IReadOnlyList<BeirDocument> Corpus,
    IReadOnlyList<BeirQuery> Queries,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Judgements)
{
    /// <summary>Reads the three files from <paramref name="directory"/>.</summary>
    public static BeirDataset Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var corpus = new List<BeirDocument>();
        ReadJsonLines(Path.Combine(directory, "corpus.jsonl"), (root, file, line) => corpus.Add(
            new BeirDocument(Required(root, "_id", file, line), Optional(root, "title"), Required(root, "text", file, line))));

        var judgements = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var qrels = Path.Combine(directory, "qrels.tsv");
        var number = 0;
        foreach (var text in File.ReadLines(qrels))
        {
            number++;
            if (number == 1 || text.Length == 0)
            {
                continue;
            }

            var fields = text.Split('\t');
            if (fields.Length != 3 || !int.TryParse(fields[2], out var grade))
            {
                throw new BeirFormatException(qrels, number, "expected 'query-id<TAB>corpus-id<TAB>integer score'.");
            }

            if (!judgements.TryGetValue(fields[0], out var forQuery))
            {
                forQuery = new Dictionary<string, int>(StringComparer.Ordinal);
                judgements.Add(fields[0], forQuery);
            }

            forQuery[fields[1]] = grade;
        }

        var queries = new List<BeirQuery>();
        ReadJsonLines(Path.Combine(directory, "queries.jsonl"), (root, file, line) =>
        {
            var id = Required(root, "_id", file, line);
            if (judgements.ContainsKey(id))
            {
                queries.Add(new BeirQuery(id, Required(root, "text", file, line)));
            }
        });

        var frozen = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var pair in judgements)
        {
            frozen.Add(pair.Key, pair.Value);
        }

        return new BeirDataset(corpus, queries, frozen);
    }

    private static void ReadJsonLines(string file, Action<JsonElement, string, int> accept)
    {
        var number = 0;
        foreach (var text in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                accept(document.RootElement, file, number);
            }
            catch (JsonException e)
            {
                throw new BeirFormatException(file, number, "is not a JSON object.", e);
            }
        }
    }

    private static string Required(JsonElement root, string name, string file, int line) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new BeirFormatException(file, line, $"lacks the string field '{name}'.");

    private static string Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}

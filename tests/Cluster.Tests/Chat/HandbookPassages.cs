using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Chat.Retrieval;

namespace Cluster.Tests.Chat;

/// <summary>
/// A small knowledge base in memory for the engine tests: documents of consecutive chunks, searched by counting
/// shared words (enough to rank the tests' questions), with a version the test can move and counters of calls.
/// </summary>
internal sealed class HandbookPassages : IPassageSource
{
    private readonly Dictionary<string, string[]> _documents = new(StringComparer.Ordinal)
    {
        ["leave"] =
        [
            "Annual leave. Every employee receives 25 days of paid leave per calendar year.",
            "New employees receive 20 days of paid leave in their first year. Leave must be booked two weeks ahead.",
            "Unused leave can be carried over to the next year, up to 5 days.",
        ],
        ["travel"] =
        [
            "Travel. Trains are booked in second class. Flights need a manager's approval.",
            "Hotel costs are refunded up to 150 euros per night.",
        ],
    };

    public string KnowledgeBaseId => "kb-handbook";

    public long Version { get; set; } = 1;

    public int Searches { get; private set; }

    public int NeighbourCalls { get; private set; }

    public Task<long> GetVersionAsync() => Task.FromResult(Version);

    public Task<KnowledgeSearchResponse> SearchAsync(KnowledgeSearchRequest request, CancellationToken cancellation)
    {
        Searches++;
        var words = request.Query.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = new List<KnowledgeSearchHit>();
        foreach (var (document, chunks) in _documents)
        {
            for (var i = 0; i < chunks.Length; i++)
            {
                var score = words.Count(w => chunks[i].Contains(w, StringComparison.OrdinalIgnoreCase));
                if (score > 0)
                    hits.Add(Hit(document, i, score));
            }
        }

        var ranked = hits.OrderByDescending(h => h.Score).ThenBy(h => h.DocumentId, StringComparer.Ordinal).ThenBy(h => h.Position).Take(request.TopK).ToList();
        return Task.FromResult(new KnowledgeSearchResponse(ranked, Version));
    }

    public Task<IReadOnlyList<KnowledgeSearchHit>> GetNeighboursAsync(string documentId, int position, int radius)
    {
        NeighbourCalls++;
        var chunks = _documents[documentId];
        var found = new List<KnowledgeSearchHit>();
        for (var i = Math.Max(0, position - radius); i <= Math.Min(chunks.Length - 1, position + radius); i++)
            found.Add(Hit(documentId, i, 0));
        return Task.FromResult<IReadOnlyList<KnowledgeSearchHit>>(found);
    }

    public void Replace(string documentId, int position, string text) => _documents[documentId][position] = text;

    private KnowledgeSearchHit Hit(string document, int position, double score) =>
        new($"{document}#{position}", document, null, char.ToUpperInvariant(document[0]) + document[1..], _documents[document][position], score, [document], position);
}

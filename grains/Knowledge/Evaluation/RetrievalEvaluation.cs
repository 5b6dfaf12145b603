using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;

namespace Cluster.Grains.Knowledge.Evaluation;

/// <summary>Measures an index on a BEIR set: one chunk per corpus document, mean nDCG@k over the judged queries.</summary>
public static class RetrievalEvaluation
{
    /// <summary>The chunks of <paramref name="dataset"/>'s corpus, one per document, with the given embeddings (in corpus order).</summary>
    public static List<IndexedChunk> Chunks(BeirDataset dataset, IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count != dataset.Corpus.Count)
        {
            throw new ArgumentException($"{vectors.Count} vectors for {dataset.Corpus.Count} documents.", nameof(vectors));
        }

        var chunks = new List<IndexedChunk>(dataset.Corpus.Count);
        var noMetadata = new Dictionary<string, string>();
        for (var i = 0; i < dataset.Corpus.Count; i++)
        {
            var document = dataset.Corpus[i];
            chunks.Add(new IndexedChunk(document.Id, document.Id, null, document.Title, document.Text, [], 0, noMetadata, vectors[i]));
        }

        return chunks;
    }

    /// <summary>The text each corpus document is embedded from: its title and abstract, as BEIR's dense baselines use.</summary>
    public static List<string> EmbeddingTexts(BeirDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var texts = new List<string>(dataset.Corpus.Count);
        foreach (var document in dataset.Corpus)
        {
            texts.Add(document.Title.Length == 0 ? document.Text : document.Title + ". " + document.Text);
        }

        return texts;
    }

    /// <summary>Mean nDCG@<paramref name="k"/> of searching <paramref name="index"/> in <paramref name="mode"/>.</summary>
    public static double MeanNdcg(
        KnowledgeIndex index,
        BeirDataset dataset,
        IReadOnlyList<float[]> queryVectors,
        SearchMode mode,
        HybridSearchSettings settings,
        int k = 10)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(queryVectors);
        var total = 0.0;
        var ranked = new List<string>(k);
        for (var q = 0; q < dataset.Queries.Count; q++)
        {
            var query = dataset.Queries[q];
            var hits = index.Search(new KnowledgeSearchRequest(query.Text, k, mode), queryVectors[q], settings);
            ranked.Clear();
            foreach (var hit in hits)
            {
                ranked.Add(hit.DocumentId);
            }

            total += Ndcg.At(k, ranked, dataset.Judgements[query.Id]);
        }

        return dataset.Queries.Count == 0 ? 0 : total / dataset.Queries.Count;
    }
}

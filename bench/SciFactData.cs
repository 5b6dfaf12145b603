using Cluster.Grains.Knowledge.Evaluation;

namespace Cluster.Bench;

/// <summary>
/// SciFact (training claims, BEIR layout) from shared/ir/scifact-train, which is checked out beside the repository
/// (found by walking up from the bench binaries), or from <c>--data DIR</c>.
/// </summary>
internal static class SciFactData
{
    /// <summary>BM25 (Anserini) nDCG@10 on BEIR's SciFact test split, as published with BEIR (Thakur et al., 2021).</summary>
    public const double PublishedBm25Ndcg10 = 0.665;

    public static BeirDataset Load(string[] args)
    {
        var directory = BenchOptions.Option(args, "--data") ?? Locate();
        return BeirDataset.Load(directory);
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "ir", "scifact-train");
            if (File.Exists(Path.Combine(candidate, "corpus.jsonl")))
                return candidate;
        }

        throw new DirectoryNotFoundException(
            $"No shared/ir/scifact-train beside the repository (searched up from {AppContext.BaseDirectory}); check out shared/ or pass --data DIR.");
    }
}

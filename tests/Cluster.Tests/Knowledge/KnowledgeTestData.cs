namespace Cluster.Tests.Knowledge;

/// <summary>The retrieval test data shipped with the tests (see Knowledge/Data/README.md).</summary>
internal static class KnowledgeTestData
{
    public static string SciFactSubset => Path.Combine(AppContext.BaseDirectory, "Knowledge", "Data", "scifact-subset");
}

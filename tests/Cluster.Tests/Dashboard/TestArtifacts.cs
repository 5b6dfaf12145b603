namespace Cluster.Tests.Dashboard;

/// <summary>Where tests leave files for people to look at: $CLUSTER_TEST_ARTIFACTS, else beside the test assembly.</summary>
public static class TestArtifacts
{
    public static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable("CLUSTER_TEST_ARTIFACTS");
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "test-artifacts")
            : Path.GetFullPath(configured);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

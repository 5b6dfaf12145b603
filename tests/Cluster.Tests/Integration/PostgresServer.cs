namespace Cluster.Tests.Integration;

/// <summary>
/// The PostgreSQL server the test script starts (deploy/run-tests.sh exports its connection string). Integration
/// tests fail, rather than skip, without it: a missing database must not pass as green.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "CLUSTER_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with 'bash deploy/run-tests.sh', which starts PostgreSQL.");
}

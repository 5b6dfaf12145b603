namespace Cluster.Tests.Integration;

/// <summary>The PostgreSQL server the test script starts.</summary>
public static class PostgresServer
{
    public const string Variable = "CLUSTER_TEST_POSTGRES";

    public static string ConnectionString => ScriptServer.Address(Variable, "PostgreSQL");
}

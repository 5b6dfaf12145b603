namespace Cluster.Tests.Integration;

/// <summary>The Redis server the test script starts.</summary>
public static class RedisServer
{
    public const string Variable = "CLUSTER_TEST_REDIS";

    public static string Endpoint => ScriptServer.Address(Variable, "Redis");
}

namespace Cluster.Tests.Integration;

/// <summary>
/// The Redis server the test script starts (deploy/run-tests.sh exports its endpoint). Tests that need it fail,
/// rather than skip, without it: a missing server must not pass as green.
/// </summary>
public static class RedisServer
{
    public const string Variable = "CLUSTER_TEST_REDIS";

    public static string Endpoint =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } endpoint
            ? endpoint
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with 'bash deploy/run-tests.sh', which starts Redis.");
}

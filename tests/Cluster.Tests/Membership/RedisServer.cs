using StackExchange.Redis;

namespace Cluster.Tests.Membership;

/// <summary>
/// The Redis server the test script starts (deploy/run-tests.sh exports its endpoint). Membership tests fail, rather
/// than skip, without it: a missing server must not pass as green.
/// </summary>
public static class RedisServer
{
    public const string Variable = "CLUSTER_TEST_REDIS";

    private static readonly Lazy<Task<ConnectionMultiplexer>> Raw = new(() => ConnectionMultiplexer.ConnectAsync(Endpoint));

    /// <summary>host:port of the server.</summary>
    public static string Endpoint =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } endpoint
            ? endpoint
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with 'bash deploy/run-tests.sh', which starts redis-server, "
                + $"or start one yourself (redis-server --port 6390 --save \"\" --daemonize yes) and export {Variable}=127.0.0.1:6390.");

    /// <summary>A plain connection for tests that act on the store the way an operator or a Redis restart would.</summary>
    public static async Task<IDatabase> DatabaseAsync() => (await Raw.Value).GetDatabase();
}

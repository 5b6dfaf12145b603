namespace Cluster.Tests.Integration;

/// <summary>
/// A server the test script starts and names in an environment variable (deploy/run-tests.sh). Tests that need it
/// fail, rather than skip, without it: a missing server must not pass as green.
/// </summary>
internal static class ScriptServer
{
    public static string Address(string variable, string server) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests with 'bash deploy/run-tests.sh', which starts {server}.");
}

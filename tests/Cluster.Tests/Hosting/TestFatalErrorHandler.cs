using Orleans.Runtime;

namespace Cluster.Tests.Hosting;

/// <summary>
/// A silo in the test process that its cluster declares dead must not end the process (Orleans' default handler
/// calls Environment.FailFast): that would abort the whole test run. The test fails on its own assertions instead.
/// </summary>
public sealed class TestFatalErrorHandler : IFatalErrorHandler
{
    public bool IsUnexpected(Exception exception) => true;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
    }
}

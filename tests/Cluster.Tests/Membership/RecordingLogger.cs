using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cluster.Tests.Membership;

/// <summary>Keeps what the membership logs, so that tests can check what operators would see.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];

    public int Count(LogLevel level, string containing)
    {
        var count = 0;
        foreach (var (l, message) in _entries)
            if (l == level && message.Contains(containing, StringComparison.Ordinal))
                count++;
        return count;
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, formatter(state, exception)));
}

using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Cluster.Grains.Chat.Routing;

/// <summary>
/// An answer a backend has started: its first update has arrived, so from here on an error ends the answer rather
/// than moving it to another backend. Disposing releases the backend's concurrency slot.
/// </summary>
public sealed class LlmStream : IAsyncDisposable
{
    private readonly IAsyncEnumerator<ChatResponseUpdate> _updates;
    private readonly CancellationTokenSource _request;
    private readonly CancellationToken _caller;
    private readonly long _started;
    private ChatResponseUpdate? _first;
    private bool _finished;
    private bool _disposed;

    internal LlmStream(LlmBackend backend, IAsyncEnumerator<ChatResponseUpdate> updates, ChatResponseUpdate? first, CancellationTokenSource request, CancellationToken caller, long started)
    {
        _caller = caller;
        Backend = backend;
        _updates = updates;
        _first = first;
        _request = request;
        _started = started;
    }

    public LlmBackend Backend { get; }

    /// <summary>Tokens the backend reported (prompt, completion); null when it reported none.</summary>
    public (long Prompt, long Completion)? Usage { get; private set; }

    /// <summary>The text of each update, the first one included; usage reports are taken in passing.</summary>
    public async IAsyncEnumerable<string> ReadTextAsync()
    {
        if (_first is { } first)
        {
            _first = null;
            Take(first);
            if (first.Text is { Length: > 0 } text)
                yield return text;
        }

        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await _updates.MoveNextAsync().ConfigureAwait(false))
                    break;
                update = _updates.Current;
            }
            catch (OperationCanceledException) when (!_caller.IsCancellationRequested)
            {
                Backend.CountError();
                LlmMetrics.Errors.Add(1, LlmMetrics.Backend(Backend.Name));
                throw new LlmBackendTimeoutException(Backend.Name, Backend.Options.Timeout, firstToken: false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Backend.CountError();
                LlmMetrics.Errors.Add(1, LlmMetrics.Backend(Backend.Name));
                throw;
            }

            Take(update);
            if (update.Text is { Length: > 0 } text)
                yield return text;
        }

        // A stream cut off mid-answer can look like a normal end; only a finish reason says the answer is whole.
        if (!_finished)
        {
            Backend.CountError();
            LlmMetrics.Errors.Add(1, LlmMetrics.Backend(Backend.Name));
            throw new LlmBackendException($"Backend '{Backend.Name}' ended its answer without finishing it (no finish reason); the answer is incomplete.");
        }

        LlmMetrics.Latency.Record(Stopwatch.GetElapsedTime(_started).TotalMilliseconds, LlmMetrics.Backend(Backend.Name));
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            await _updates.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _request.Dispose();
            Backend.Release();
        }
    }

    private void Take(ChatResponseUpdate update)
    {
        _finished |= update.FinishReason is not null;
        foreach (var content in update.Contents)
        {
            if (content is not UsageContent usage)
                continue;
            var prompt = usage.Details.InputTokenCount ?? 0;
            var completion = usage.Details.OutputTokenCount ?? 0;
            Usage = (prompt, completion);
            Backend.CountTokens(prompt + completion);
            LlmMetrics.Tokens.Add(prompt, LlmMetrics.Backend(Backend.Name), new("kind", "prompt"));
            LlmMetrics.Tokens.Add(completion, LlmMetrics.Backend(Backend.Name), new("kind", "completion"));
        }
    }
}

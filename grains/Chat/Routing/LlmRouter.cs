using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Cluster.Grains.Cluster;
using Microsoft.Extensions.AI;

namespace Cluster.Grains.Chat.Routing;

/// <summary>
/// Spreads chat requests over the configured backends: the one with the fewest outstanding requests per unit of
/// weight among those whose circuit admits a call and that have a free slot, healthy ones first. A backend that fails
/// or times out before its first token is recorded against its circuit and the next one is tried, so a request is
/// lost only when every backend refused it; after the first token the answer belongs to that backend.
/// </summary>
public sealed class LlmRouter : IDisposable
{
    private readonly LlmBackend[] _backends;
    private readonly HttpClient[] _http;

    public LlmRouter(LlmOptions options, TimeProvider clock, HttpMessageHandler? handler = null)
    {
        options.Validate();
        _backends = new LlmBackend[options.Backends.Count];
        _http = new HttpClient[options.Backends.Count];
        for (var i = 0; i < _backends.Length; i++)
        {
            var backend = options.Backends[i];
            _http[i] = handler is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            _backends[i] = new LlmBackend(backend, LlmClients.Create(backend, _http[i]), new BackendCircuit(options.Breaker, clock));
        }

        Options = options;
        ClusterTelemetry.Meter.CreateObservableGauge("chat.llm.breaker.state", BreakerStates, "{state}",
            "Circuit of each backend: 0 closed, 1 half-open, 2 open");
        ClusterTelemetry.Meter.CreateObservableGauge("chat.llm.outstanding", OutstandingRequests, "{request}",
            "Requests in flight per backend");
    }

    public LlmOptions Options { get; }

    public IReadOnlyList<LlmBackend> Backends => _backends;

    public bool HasBackends => _backends.Length > 0;

    /// <summary>
    /// Sends <paramref name="messages"/> to a backend and returns once its first update arrived, trying the next
    /// backend after each failure before that.
    /// </summary>
    public async Task<LlmStream> OpenAsync(IList<ChatMessage> messages, CancellationToken cancellation)
    {
        var refused = new bool[_backends.Length];
        StringBuilder? failures = null;
        while (Choose(refused) is { } index)
        {
            refused[index] = true;
            var backend = _backends[index];
            if (!backend.TryAcquire())
                continue;
            if (!backend.Circuit.TryEnter(out var probe))
            {
                backend.Release();
                continue;
            }

            LlmMetrics.Requests.Add(1, LlmMetrics.Backend(backend.Name));
            var started = Stopwatch.GetTimestamp();
            var request = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            try
            {
                var stream = await backend.Circuit.ExecuteAsync(
                    token => StartAsync(backend, messages, request, token, started), probe, cancellation).ConfigureAwait(false);
                LlmMetrics.FirstToken.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, LlmMetrics.Backend(backend.Name));
                return stream;
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested)
            {
                request.Dispose();
                backend.Release();
                if (e is not Polly.CircuitBreaker.BrokenCircuitException)
                {
                    backend.CountError();
                    LlmMetrics.Errors.Add(1, LlmMetrics.Backend(backend.Name));
                }

                (failures ??= new StringBuilder()).Append(failures.Length == 0 ? "" : "; ").Append(backend.Name).Append(": ").Append(e.Message);
            }
            catch
            {
                request.Dispose();
                backend.Release();
                throw;
            }
        }

        throw new LlmUnavailableException(_backends.Length == 0
            ? "No model backend is configured (Llm:Backends)."
            : $"No model backend could answer: {(failures is null ? "every circuit is open or every backend is at its MaxConcurrency" : failures.ToString())}.");
    }

    /// <summary>Sends <paramref name="messages"/> and returns the whole answer's text (for short, internal prompts).</summary>
    public async Task<string> CompleteAsync(IList<ChatMessage> messages, CancellationToken cancellation)
    {
        await using var stream = await OpenAsync(messages, cancellation).ConfigureAwait(false);
        var text = new StringBuilder();
        await foreach (var piece in stream.ReadTextAsync().WithCancellation(cancellation).ConfigureAwait(false))
            text.Append(piece);
        return text.ToString();
    }

    public void Dispose()
    {
        foreach (var backend in _backends)
            backend.Dispose();
        foreach (var http in _http)
            http.Dispose();
    }

    private static async ValueTask<LlmStream> StartAsync(LlmBackend backend, IList<ChatMessage> messages, CancellationTokenSource request,
        CancellationToken cancellation, long started)
    {
        var options = backend.Options;
        request.CancelAfter(options.FirstTokenTimeout);
        var updates = backend.Client.GetStreamingResponseAsync(messages, cancellationToken: request.Token).GetAsyncEnumerator(request.Token);
        try
        {
            // Role-only and empty updates come before the text; the first token is the first update with text.
            while (await updates.MoveNextAsync().ConfigureAwait(false))
            {
                var update = updates.Current;
                if (update.Text is { Length: > 0 } || update.FinishReason is not null)
                {
                    request.CancelAfter(options.Timeout - Stopwatch.GetElapsedTime(started));
                    return new LlmStream(backend, updates, update, request, cancellation, started);
                }
            }

            return new LlmStream(backend, updates, null, request, cancellation, started);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            await updates.DisposeAsync().ConfigureAwait(false);
            throw new LlmBackendTimeoutException(backend.Name, options.FirstTokenTimeout, firstToken: true);
        }
        catch
        {
            await updates.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The admissible backend with the least load per weight, healthy before unhealthy; null when none is left.</summary>
    private int? Choose(bool[] refused)
    {
        int? best = null;
        for (var i = 0; i < _backends.Length; i++)
        {
            var candidate = _backends[i];
            if (refused[i] || candidate.Circuit.State == BreakerState.Open)
                continue;
            if (best is not { } b || IsBetter(candidate, _backends[b]))
                best = i;
        }

        return best;
    }

    private static bool IsBetter(LlmBackend candidate, LlmBackend than) =>
        candidate.Healthy != than.Healthy ? candidate.Healthy : candidate.LoadIfChosen < than.LoadIfChosen;

    private IEnumerable<Measurement<int>> BreakerStates()
    {
        foreach (var backend in _backends)
            yield return new Measurement<int>((int)backend.Circuit.State, LlmMetrics.Backend(backend.Name));
    }

    private IEnumerable<Measurement<int>> OutstandingRequests()
    {
        foreach (var backend in _backends)
            yield return new Measurement<int>(backend.Outstanding, LlmMetrics.Backend(backend.Name));
    }
}

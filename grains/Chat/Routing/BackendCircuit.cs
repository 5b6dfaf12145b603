using Polly;
using Polly.CircuitBreaker;

namespace Cluster.Grains.Chat.Routing;

/// <summary>
/// One backend's circuit breaker. Polly's breaker watches the failure ratio over the sampling window, breaks for the
/// break duration and lets a half-open probe through. Polly's breaker has no consecutive-failure rule and closes after
/// one good probe, so this adds both through its manual control: <see cref="CircuitBreakerSettings.ConsecutiveFailures"/>
/// failures in a row isolate the circuit for the break duration, and after any break the circuit stays half-open
/// (one call at a time) until <see cref="CircuitBreakerSettings.SuccessesToClose"/> calls in a row succeed.
/// </summary>
public sealed class BackendCircuit : IDisposable
{
    private readonly CircuitBreakerSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerManualControl _manual = new();
    private readonly CircuitBreakerStateProvider _polly = new();
    private readonly Lock _gate = new();
    private int _consecutiveFailures;
    private int _successesNeeded;
    private bool _probeInFlight;
    private bool _isolated;
    private ITimer? _release;

    public BackendCircuit(CircuitBreakerSettings settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingWindow,
                BreakDuration = settings.BreakDuration,
                // The caller giving up is not the backend failing.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                ManualControl = _manual,
                StateProvider = _polly,
                OnClosed = _ =>
                {
                    // Polly closes after its one half-open probe succeeded: that probe is the first of the run.
                    lock (_gate)
                        _successesNeeded = Math.Max(0, _settings.SuccessesToClose - 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public BreakerState State
    {
        get
        {
            lock (_gate)
            {
                if (_isolated)
                    return BreakerState.Open;
                return _polly.CircuitState switch
                {
                    CircuitState.Open or CircuitState.Isolated => BreakerState.Open,
                    CircuitState.HalfOpen => BreakerState.HalfOpen,
                    _ => _successesNeeded > 0 ? BreakerState.HalfOpen : BreakerState.Closed,
                };
            }
        }
    }

    /// <summary>
    /// Whether a call may start now: always when closed, never when open, and when half-open only if no other probe
    /// is in flight. A caller that entered must end with <see cref="ExecuteAsync{T}"/>.
    /// </summary>
    public bool TryEnter(out bool probe)
    {
        probe = false;
        var state = State;
        if (state == BreakerState.Open)
            return false;
        if (state == BreakerState.Closed)
            return true;
        lock (_gate)
        {
            if (_probeInFlight)
                return false;
            _probeInFlight = probe = true;
            return true;
        }
    }

    /// <summary>Runs <paramref name="call"/> through the breaker and records its outcome; a broken circuit throws <see cref="BrokenCircuitException"/>.</summary>
    public async ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, bool probe, CancellationToken cancellation)
    {
        try
        {
            var result = await _pipeline.ExecuteAsync(static (c, token) => c(token), call, cancellation).ConfigureAwait(false);
            Succeeded();
            return result;
        }
        catch (BrokenCircuitException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            await FailedAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            if (probe)
            {
                lock (_gate)
                    _probeInFlight = false;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _release?.Dispose();
    }

    private void Succeeded()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            if (_successesNeeded > 0)
                _successesNeeded--;
        }
    }

    private async ValueTask FailedAsync()
    {
        bool isolate;
        lock (_gate)
        {
            _consecutiveFailures++;
            // A failed probe breaks again at once; otherwise the consecutive rule decides (Polly's ratio rule acts on its own).
            isolate = !_isolated && (_successesNeeded > 0 || _consecutiveFailures >= _settings.ConsecutiveFailures);
            if (isolate)
                _isolated = true;
        }

        if (!isolate)
            return;
        await _manual.IsolateAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _release?.Dispose();
            _release = _clock.CreateTimer(static s => _ = ((BackendCircuit)s!).ReleaseAsync(), this, _settings.BreakDuration, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>After the break the circuit half-opens: closed in Polly's eyes, probing in ours.</summary>
    private async Task ReleaseAsync()
    {
        await _manual.CloseAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _successesNeeded = _settings.SuccessesToClose;
            _consecutiveFailures = 0;
            _isolated = false;
        }
    }
}

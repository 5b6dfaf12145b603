using Cluster.Runtime.Catalog;
using Cluster.Runtime.Messaging;
using Microsoft.Extensions.Logging;

namespace Cluster.Runtime.Timers;

/// <summary>
/// A grain timer: each tick is queued to the activation as a request, so the callback runs as a turn. The next
/// period is scheduled only after the callback completes, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private static readonly GrainMethod TickMethod = new(typeof(IGrainTimer), "Tick", GrainMethodFlags.None, "timer");
    private static readonly GrainMethod InterleavingTickMethod = new(typeof(IGrainTimer), "Tick", GrainMethodFlags.AlwaysInterleave, "timer");

    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly Timer _timer;
    private readonly bool _interleave;
    private readonly bool _keepAlive;
    private TimeSpan _period;
    private bool _stopped;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        if (options.DueTime < TimeSpan.Zero && options.DueTime != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(options), "DueTime must be zero or positive.");
        if (options.Period <= TimeSpan.Zero && options.Period != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(options), "Period must be positive, or Timeout.InfiniteTimeSpan for a one-shot timer.");
        _activation = activation;
        _callback = callback;
        _interleave = options.Interleave;
        _keepAlive = options.KeepAlive;
        _period = options.Period;
        DueTime = options.DueTime;
        _timer = new Timer(static s => ((GrainTimer)s!).Fire(), this, Timeout.Infinite, Timeout.Infinite);
    }

    private TimeSpan DueTime { get; set; }

    public void Start()
    {
        lock (_timer)
        {
            if (!_stopped)
                _timer.Change(DueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_timer)
        {
            _period = period;
            DueTime = dueTime;
        }
        Start();
    }

    private void Fire()
    {
        lock (_timer)
        {
            if (_stopped)
                return;
        }
        if (!_activation.TryEnqueue(new Tick(this)))
            Stop();
    }

    private void OnTickCompleted()
    {
        lock (_timer)
        {
            if (_stopped || _period == Timeout.InfiniteTimeSpan)
                return;
            _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }
    }

    public void Stop()
    {
        lock (_timer)
        {
            _stopped = true;
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }
        _timer.Dispose();
    }

    public void Dispose()
    {
        Stop();
        _activation.RemoveTimer(this);
    }

    private sealed class Tick(GrainTimer timer) : VoidRequest
    {
        public override GrainMethod Method => timer._interleave ? InterleavingTickMethod : TickMethod;

        internal override bool CountsAsActivity => timer._keepAlive;

        internal override bool FollowsGrain => false;

        protected override Task InvokeCore(object grain) => timer._callback(CancellationToken);

        protected override void WriteArguments(System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonSerializerOptions options) =>
            throw new NotSupportedException("Timer ticks never leave their silo.");

        protected override void ReadArguments(ref System.Text.Json.Utf8JsonReader reader, System.Text.Json.JsonSerializerOptions options) =>
            throw new NotSupportedException("Timer ticks never leave their silo.");

        internal override void Complete(Task invocation)
        {
            if (invocation.IsFaulted)
                timer._activation.Runtime.Logger.LogWarning(invocation.Exception!.InnerException, "Timer callback of {Grain} failed", timer._activation.GrainId);
            base.Complete(invocation);
            timer.OnTickCompleted();
        }
    }
}

using System.Diagnostics;
using Cluster.Runtime.Messaging;
using Cluster.Runtime.Storage;
using Cluster.Runtime.Telemetry;
using Cluster.Runtime.Timers;
using Microsoft.Extensions.Logging;

namespace Cluster.Runtime.Catalog;

/// <summary>
/// One activation of a grain: its instance, its queue of requests and its scheduler. It runs on the thread pool,
/// one piece of work at a time (a request's first step, or a continuation of grain code posted back by the
/// <see cref="ActivationSynchronizationContext"/>), and starts a new request only when the turn rules allow it.
/// </summary>
internal sealed class ActivationData : IThreadPoolWorkItem
{
    [ThreadStatic]
    private static ActivationData? _underConstruction;

    private readonly Lock _lock = new();
    private readonly ActivationSynchronizationContext _syncContext;
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _continuations = new();
    private readonly RequestQueue _requests = new();
    private readonly RequestQueue _interleaving = new();
    private readonly Action _activationCompleted;
    private readonly Action _deactivationCompleted;
    private List<GrainTimer>? _timers;
    private Task? _lifecycleTask;
    private TaskCompletionSource? _deactivated;
    private DeactivationReason _deactivationReason;
    private int _running;
    private int _runningReadOnly;
    private bool _scheduled;
    private bool _lifecycleStepRunning;
    private bool _deactivationRequested;
    private long _lastActivity;

    public ActivationData(SiloRuntime runtime, GrainClassInfo classInfo, GrainId grainId, StatelessWorkerGroup? workerGroup = null)
    {
        Runtime = runtime;
        ClassInfo = classInfo;
        GrainId = grainId;
        WorkerGroup = workerGroup;
        _syncContext = new ActivationSynchronizationContext(this);
        _activationCompleted = OnActivationCompleted;
        _deactivationCompleted = OnDeactivationCompleted;
        _lastActivity = Environment.TickCount64;
        Stats = runtime.Statistics.ForClass(classInfo);
    }

    /// <summary>The activation whose grain constructor is running on this thread (read by <see cref="Grain"/>'s constructor).</summary>
    internal static ActivationData? UnderConstruction => _underConstruction;

    /// <summary>The activation whose work runs on this thread right now, if any.</summary>
    internal static ActivationData? Current => (SynchronizationContext.Current as ActivationSynchronizationContext)?.Activation;

    public SiloRuntime Runtime { get; }

    public GrainClassInfo ClassInfo { get; }

    public GrainId GrainId { get; }

    public StatelessWorkerGroup? WorkerGroup { get; }

    public ClassStatistics Stats { get; }

    public Grain? Instance { get; private set; }

    public ActivationState State { get; private set; } = ActivationState.Activating;

    /// <summary>The request whose turn is running (the latest one started), used to extend call chains.</summary>
    public Request? CurrentRequest { get; private set; }

    public int QueueLength
    {
        get
        {
            lock (_lock)
                return _requests.Count + _interleaving.Count;
        }
    }

    public bool IsBusy
    {
        get
        {
            lock (_lock)
                return _running > 0 || _requests.Count > 0 || State != ActivationState.Valid;
        }
    }

    internal List<IPersistentStateLifecycle> PersistentStates { get; } = [];

    /// <summary>True when the request comes back along a call chain through this non-reentrant activation.</summary>
    public bool MayDeadlockOn(Request request) =>
        !ClassInfo.IsReentrant && !request.Method.AlwaysInterleave && request.Chain is { } chain && chain.Contains(GrainId);

    /// <summary>Queues a request; false when this activation is gone and the caller must look up a new one.</summary>
    public bool TryEnqueue(Request request)
    {
        bool schedule;
        lock (_lock)
        {
            if (State == ActivationState.Invalid)
                return false;
            if (request.Method.AlwaysInterleave)
                _interleaving.Enqueue(request);
            else
                _requests.Enqueue(request);
            schedule = !_scheduled;
            _scheduled = true;
        }
        if (schedule)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    /// <summary>Queues a continuation of grain code (from an await) to run as work of this activation.</summary>
    public void Post(SendOrPostCallback callback, object? state)
    {
        bool schedule;
        lock (_lock)
        {
            _continuations.Enqueue((callback, state));
            schedule = !_scheduled;
            _scheduled = true;
        }
        if (schedule)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public void Execute()
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        try
        {
            // A bounded batch keeps one busy activation from holding a pool thread forever.
            for (var budget = 256; budget > 0; budget--)
            {
                SendOrPostCallback? callback = null;
                object? callbackState = null;
                Request? request = null;
                var step = Step.None;
                lock (_lock)
                {
                    if (_continuations.TryDequeue(out var c))
                    {
                        callback = c.Callback;
                        callbackState = c.State;
                        step = Step.Continuation;
                    }
                    else if (State == ActivationState.Activating)
                    {
                        if (!_lifecycleStepRunning)
                        {
                            _lifecycleStepRunning = true;
                            step = Step.Activate;
                        }
                    }
                    else if (State == ActivationState.Valid && TryTakeRunnable(out request))
                    {
                        step = Step.Request;
                    }
                    else if (State == ActivationState.Deactivating && _running == 0 && !_lifecycleStepRunning)
                    {
                        _lifecycleStepRunning = true;
                        step = Step.Deactivate;
                    }

                    if (step == Step.None)
                    {
                        _scheduled = false;
                        return;
                    }
                }

                switch (step)
                {
                    case Step.Continuation:
                        callback!(callbackState);
                        break;
                    case Step.Request:
                        Run(request!);
                        break;
                    case Step.Activate:
                        _lifecycleTask = ActivateAsync();
                        _lifecycleTask.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_activationCompleted);
                        break;
                    case Step.Deactivate:
                        _lifecycleTask = DeactivateAsync();
                        _lifecycleTask.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_deactivationCompleted);
                        break;
                }
            }
            lock (_lock)
                _scheduled = false;
            Reschedule();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private enum Step
    {
        None,
        Continuation,
        Request,
        Activate,
        Deactivate,
    }

    /// <summary>The turn rules: which queued request may start now. Called under the lock.</summary>
    private bool TryTakeRunnable(out Request? request)
    {
        while (_interleaving.TryDequeue(out request))
        {
            if (!request!.IsCompleted)
                return Started(request);
        }
        while (_requests.TryPeek(out request))
        {
            if (request!.IsCompleted)
            {
                _requests.Dequeue();
                continue;
            }
            var allowed = _running == 0
                || ClassInfo.IsReentrant
                || (request.Method.ReadOnly && _runningReadOnly == _running);
            if (!allowed)
                return false;
            _requests.Dequeue();
            return Started(request);
        }
        return false;
    }

    private bool Started(Request request)
    {
        _running++;
        if (request.Method.ReadOnly)
            _runningReadOnly++;
        CurrentRequest = request;
        return true;
    }

    private void Run(Request request)
    {
        var traced = request.ParentActivity != default && RuntimeTelemetry.Source.HasListeners();
        var previous = traced ? Activity.Current : null;
        if (traced)
            request.ServerActivity = RuntimeTelemetry.StartServerSpan(request, this);
        var task = request.Invoke(Instance!);
        if (traced)
            Activity.Current = previous;
        if (task.IsCompleted)
        {
            OnRequestCompleted(request, task);
        }
        else
        {
            var completion = new RequestCompletion(this, request, task);
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(completion.OnCompleted);
        }
    }

    internal void OnRequestCompleted(Request request, Task task)
    {
        lock (_lock)
        {
            _running--;
            if (request.Method.ReadOnly)
                _runningReadOnly--;
            if (ReferenceEquals(CurrentRequest, request))
                CurrentRequest = null;
            if (request.CountsAsActivity)
                _lastActivity = Environment.TickCount64;
        }
        Stats.Record(request, task.IsFaulted);
        if (request.ServerActivity is { } span)
            RuntimeTelemetry.EndSpan(span, task);
        Runtime.Dispatcher.Complete(request, task);
        Reschedule();
    }

    /// <summary>Schedules this activation if work arrived while nothing was running it.</summary>
    private void Reschedule()
    {
        bool schedule;
        lock (_lock)
        {
            schedule = !_scheduled && (_continuations.Count > 0 || _requests.Count > 0 || _interleaving.Count > 0
                || (State == ActivationState.Deactivating && _running == 0 && !_lifecycleStepRunning));
            if (schedule)
                _scheduled = true;
        }
        if (schedule)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private async Task ActivateAsync()
    {
        _underConstruction = this;
        try
        {
            Instance = ClassInfo.Create(Runtime.Services, this);
        }
        finally
        {
            _underConstruction = null;
        }
        using var cts = new CancellationTokenSource(Runtime.Options.ActivationTimeout);
        if (Runtime.Dispatcher.Placement?.PreviousHome(GrainId, ClassInfo, Runtime.Options.HandOverWindow) is { } previousHome)
            await TakeOverFromAsync(previousHome);
        foreach (var state in PersistentStates)
            await state.ReadOnActivationAsync(cts.Token);
        await Instance.OnActivateAsync(cts.Token);
    }

    /// <summary>
    /// The grain lived on another silo before the last membership change: that silo lets its activation go (writing
    /// its state) before this one reads the state. A silo that does not answer in time is not waited for further.
    /// </summary>
    private async Task TakeOverFromAsync(Membership.SiloInfo previousHome)
    {
        using var timeout = new CancellationTokenSource(Runtime.Options.HandOverTimeout);
        try
        {
            await Runtime.GrainFactory.GetGrain<IActivationRelease>(previousHome.SiloId)
                .ReleaseAsync(GrainId.Type, GrainId.Key).WaitAsync(timeout.Token);
        }
        catch (Exception e)
        {
            Runtime.Logger.LogWarning(e, "{Grain} activates without hand-over from its previous home {Silo}", GrainId, previousHome.SiloId);
        }
    }

    private void OnActivationCompleted()
    {
        var task = _lifecycleTask!;
        List<Request>? failed = null;
        lock (_lock)
        {
            _lifecycleStepRunning = false;
            if (task.IsCompletedSuccessfully)
            {
                State = _deactivationRequested ? ActivationState.Deactivating : ActivationState.Valid;
            }
            else
            {
                State = ActivationState.Invalid;
                failed = DrainQueues();
            }
        }
        if (failed is null)
        {
            Runtime.Statistics.ActivationCreated();
            Reschedule();
            return;
        }
        var error = task.Exception?.InnerException ?? new TaskCanceledException("Activation was canceled.");
        Runtime.Logger.LogWarning(error, "Activation of {Grain} failed", GrainId);
        Runtime.Catalog.OnActivationRemoved(this);
        var exception = new GrainActivationException($"Activating {GrainId} failed: {error.Message}", error);
        foreach (var r in failed)
            Runtime.Dispatcher.Fail(r, exception);
        _deactivated?.TrySetResult();
    }

    /// <summary>Asks this activation to deactivate once running requests end; safe to call more than once.</summary>
    public Task StartDeactivation(DeactivationReason reason)
    {
        bool schedule;
        lock (_lock)
        {
            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (State == ActivationState.Invalid)
            {
                _deactivated.TrySetResult();
                return _deactivated.Task;
            }
            if (State == ActivationState.Deactivating)
                return _deactivated.Task;
            if (State == ActivationState.Activating)
            {
                // Let activation finish first; the deactivation runs right after.
                _deactivationReason = reason;
                _deactivationRequested = true;
                return _deactivated.Task;
            }
            State = ActivationState.Deactivating;
            _deactivationReason = reason;
            schedule = !_scheduled && _running == 0;
            if (schedule)
                _scheduled = true;
        }
        if (schedule)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return _deactivated.Task;
    }

    private async Task DeactivateAsync()
    {
        StopTimers();
        using var cts = new CancellationTokenSource(Runtime.Options.DeactivationTimeout);
        try
        {
            await Instance!.OnDeactivateAsync(_deactivationReason, cts.Token);
        }
        finally
        {
            if (WritesUnsavedState(_deactivationReason.Code))
                await WriteUnsavedStateAsync(cts.Token);
        }
    }

    /// <summary>
    /// A clean deactivation (idle, requested, shutdown, hand-over) stores what the grain changed but did not write, so
    /// its next activation, here or on another silo, starts from it. A silo declared dead writes nothing: another
    /// silo may already own the grain.
    /// </summary>
    private static bool WritesUnsavedState(DeactivationReasonCode code) => code is DeactivationReasonCode.ActivationIdle
        or DeactivationReasonCode.ApplicationRequested or DeactivationReasonCode.ShuttingDown or DeactivationReasonCode.PlacementChanged;

    private async Task WriteUnsavedStateAsync(CancellationToken cancellationToken)
    {
        foreach (var state in PersistentStates)
        {
            try
            {
                if (await state.WriteIfChangedAsync(cancellationToken))
                    Runtime.Logger.LogDebug("Wrote unsaved state {State} of {Grain} on deactivation", state.Name, GrainId);
            }
            catch (Exception e)
            {
                // Whatever the store says, deactivation goes on: a stale ETag means a newer activation owns the state.
                Runtime.Logger.LogWarning(e, "Unsaved state {State} of {Grain} could not be written on deactivation", state.Name, GrainId);
            }
        }
    }

    private void OnDeactivationCompleted()
    {
        var task = _lifecycleTask!;
        if (task.IsFaulted)
            Runtime.Logger.LogWarning(task.Exception!.InnerException, "OnDeactivateAsync of {Grain} failed", GrainId);
        List<Request> waiting;
        lock (_lock)
        {
            _lifecycleStepRunning = false;
            State = ActivationState.Invalid;
            waiting = DrainQueues();
        }
        Runtime.Catalog.OnActivationRemoved(this);
        Runtime.Statistics.ActivationRemoved();
        // Requests that arrived during deactivation go to the grain's next activation, in their order.
        foreach (var r in waiting)
            Runtime.Dispatcher.Redispatch(r, ClassInfo);
        _deactivated?.TrySetResult();
    }

    private List<Request> DrainQueues()
    {
        var list = new List<Request>(_requests.Count + _interleaving.Count);
        while (_interleaving.TryDequeue(out var r))
            list.Add(r!);
        while (_requests.TryDequeue(out var r))
            list.Add(r!);
        return list;
    }

    /// <summary>True when idle for longer than <paramref name="age"/> with nothing queued or running.</summary>
    public bool IsIdleFor(TimeSpan age, long now)
    {
        lock (_lock)
        {
            return State == ActivationState.Valid && _running == 0 && _requests.Count == 0 && _interleaving.Count == 0
                && _continuations.Count == 0 && now - _lastActivity >= (long)age.TotalMilliseconds;
        }
    }

    internal PersistentState<T> CreatePersistentState<T>(string stateName, string storageName)
    {
        var state = new PersistentState<T>(stateName, GrainId, Runtime.Storage.Get(storageName), Runtime.Json);
        PersistentStates.Add(state);
        return state;
    }

    internal IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, options);
        lock (_lock)
        {
            if (State is ActivationState.Deactivating or ActivationState.Invalid)
                throw new InvalidOperationException($"{GrainId} is deactivating; timers cannot be registered now.");
            (_timers ??= []).Add(timer);
        }
        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
            _timers?.Remove(timer);
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            if (_timers is null || _timers.Count == 0)
                return;
            timers = [.. _timers];
            _timers.Clear();
        }
        foreach (var t in timers)
            t.Stop();
    }

    public override string ToString() => $"[Activation {GrainId} {State}]";

    /// <summary>Carries a request whose grain method went async until it completes.</summary>
    private sealed class RequestCompletion(ActivationData activation, Request request, Task task)
    {
        public void OnCompleted() => activation.OnRequestCompleted(request, task);
    }
}

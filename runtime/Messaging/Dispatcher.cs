using System.Diagnostics;
using Cluster.Runtime.Catalog;
using Cluster.Runtime.Serialization;
using Cluster.Runtime.Telemetry;

namespace Cluster.Runtime.Messaging;

/// <summary>
/// Sends a silo's grain calls: stamps the deadline and call chain, copies the arguments, tracks the call until it
/// is answered, and hands it to the activation that owns the grain.
/// </summary>
internal sealed class Dispatcher : IGrainCallSink, IDisposable
{
    private readonly SiloRuntime _runtime;
    private readonly PendingCalls _pending;
    private readonly long _defaultTimeoutTicks;
    private readonly long _nestingMarginTicks;
    private volatile bool _accepting = true;

    public Dispatcher(SiloRuntime runtime)
    {
        _runtime = runtime;
        _pending = new PendingCalls(runtime.Options.DeadlineCheckInterval);
        _defaultTimeoutTicks = (long)(runtime.Options.CallTimeout.TotalSeconds * Stopwatch.Frequency);
        _nestingMarginTicks = (long)(runtime.Options.DeadlineCheckInterval.TotalSeconds * 2 * Stopwatch.Frequency);
    }

    public int PendingCount => _pending.Count;

    public void StopAccepting() => _accepting = false;

    public Task<TResult> SendAsync<TResult>(GrainReference target, Request<TResult> request, CancellationToken cancellationToken)
    {
        if (!_accepting)
            return Task.FromException<TResult>(new SiloUnavailableException($"The silo is shutting down; {request.Method.DisplayName} on {target.GrainId} was not sent."));
        var classInfo = target.ClassInfo ??= GrainRegistry.ForGrainType(target.GrainId.Type);
        request.Target = target.GrainId;
        var now = Stopwatch.GetTimestamp();
        request.StartTimestamp = now;
        request.DeadlineTimestamp = now + _defaultTimeoutTicks;
        var caller = ActivationData.Current;
        if (caller is not null)
        {
            var parent = caller.CurrentRequest;
            request.Chain = new CallChain(caller.GrainId, parent?.Chain);
            // A nested call ends a little before the call it serves, so its failure (a deadlock in particular)
            // reaches the original caller instead of a bare timeout.
            if (parent is not null)
                request.DeadlineTimestamp = Math.Min(request.DeadlineTimestamp, parent.DeadlineTimestamp - _nestingMarginTicks);
        }
        try
        {
            using (CopyContext.Enter(_runtime.Json))
                request.PrepareArguments();
        }
        catch (Exception e)
        {
            return Task.FromException<TResult>(e);
        }

        var task = request.Task;
        if (RuntimeTelemetry.Source.HasListeners())
            TraceClientSpan(request, task);
        _pending.Add(request);
        if (cancellationToken.CanBeCanceled)
            RegisterCancellation(request, cancellationToken);
        _runtime.Catalog.Deliver(request, classInfo);
        if (request.Method.OneWay)
            request.CompleteAccepted();
        return task;
    }

    private void RegisterCancellation(Request request, CancellationToken cancellationToken)
    {
        request.CallerCancellation = cancellationToken.UnsafeRegister(static (state, token) =>
        {
            var (dispatcher, r) = ((Dispatcher, Request))state!;
            dispatcher.Fail(r, new OperationCanceledException($"{r.Method.DisplayName} on {r.Target} was canceled by the caller.", token));
        }, (this, request));
    }

    private static void TraceClientSpan(Request request, Task task)
    {
        var activity = RuntimeTelemetry.StartClientSpan(request);
        if (activity is null)
            return;
        request.ParentActivity = activity.Context;
        task.ContinueWith(static (t, a) => RuntimeTelemetry.EndSpan((Activity)a!, t), activity,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Delivers the outcome of a finished invocation to its caller.</summary>
    public void Complete(Request request, Task invocation)
    {
        _pending.Remove(request);
        using (CopyContext.Enter(_runtime.Json))
            request.Complete(invocation);
    }

    public void Fail(Request request, Exception exception)
    {
        _pending.Remove(request);
        request.TryFail(exception);
    }

    /// <summary>Sends again a request whose activation went away before running it.</summary>
    public void Redispatch(Request request, GrainClassInfo classInfo)
    {
        if (request.IsCompleted)
            return;
        if (!request.FollowsGrain)
        {
            request.TryFail(new SiloUnavailableException($"{request.Method.DisplayName} was dropped: its activation of {classInfo.GrainType} was deactivated."));
            return;
        }
        _runtime.Catalog.Deliver(request, classInfo);
    }

    public void Dispose() => _pending.Dispose();
}

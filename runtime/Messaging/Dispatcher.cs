using System.Diagnostics;
using Cluster.Runtime.Catalog;
using Cluster.Runtime.Placement;
using Cluster.Runtime.Serialization;
using Cluster.Runtime.Telemetry;

namespace Cluster.Runtime.Messaging;

/// <summary>
/// Sends grain calls: stamps the deadline and call chain, tracks the call until it is answered, and routes it to
/// the grain's home — this silo's catalog, or another silo over the network. Silos and cluster clients both use it;
/// a client has no catalog and hosts nothing.
/// </summary>
internal sealed class Dispatcher : IGrainCallSink, IDisposable
{
    /// <summary>How often a request may be forwarded because the grain's home moved before it gives up.</summary>
    public const int MaxForwardHops = 3;

    private readonly PendingCalls _pending;
    private readonly long _defaultTimeoutTicks;
    private readonly long _nestingMarginTicks;
    private volatile bool _accepting = true;

    public Dispatcher(TimeSpan callTimeout, TimeSpan deadlineCheckInterval)
    {
        _pending = new PendingCalls(deadlineCheckInterval, OnExpired);
        _defaultTimeoutTicks = (long)(callTimeout.TotalSeconds * Stopwatch.Frequency);
        _nestingMarginTicks = (long)(deadlineCheckInterval.TotalSeconds * 2 * Stopwatch.Frequency);
        Json = new ClusterJson(this);
    }

    public ClusterJson Json { get; }

    /// <summary>This silo's activations; null in a client.</summary>
    public Catalog.Catalog? Catalog { get; set; }

    /// <summary>Where grains live in a cluster; null when everything is local (the embedded default).</summary>
    public PlacementDirector? Placement { get; set; }

    public MessageCenter? Messages { get; set; }

    public int PendingCount => _pending.Count;

    /// <summary>How many calls this silo ever took or sent (wraps around): unchanged while none arrives.</summary>
    public int CallsTracked => _pending.Added;

    public void StopAccepting() => _accepting = false;

    private volatile bool _shuttingDown;

    /// <summary>From now on nothing new activates here: requests go to other silos, or fail if there are none.</summary>
    public void BeginShutdown()
    {
        _shuttingDown = true;
        Placement?.WithdrawLocal();
    }

    public Task<TResult> SendAsync<TResult>(GrainReference target, Request<TResult> request, CancellationToken cancellationToken)
    {
        if (!_accepting)
            return Task.FromException<TResult>(new SiloUnavailableException($"The silo is not serving; {request.Method.DisplayName} on {target.GrainId} was not sent."));
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

        var task = request.Task;
        if (RuntimeTelemetry.Source.HasListeners())
            TraceClientSpan(request, task);
        _pending.Add(request);
        if (cancellationToken.CanBeCanceled)
            RegisterCancellation(request, cancellationToken);
        Route(request, classInfo);
        if (request.Method.OneWay)
            request.CompleteAccepted();
        return task;
    }

    /// <summary>
    /// Follows a new membership view: placement uses it, and calls waiting on silos that died fail so their callers
    /// can retry. A silo that was shutting down left gracefully: it answers the calls it took before it closes its
    /// connections, and closing them fails whatever it did not answer. False when the view is older than the one
    /// followed already.
    /// </summary>
    public bool FollowView(Membership.MembershipSnapshot view, string? localSilo)
    {
        if (Placement is null || Messages is null || view.Version < Placement.Version)
            return false;
        var before = Placement.Snapshot;
        Placement.Update(view);
        foreach (var silo in view.Silos)
        {
            if (silo.Status != Membership.SiloStatus.Dead || silo.SiloId == localSilo)
                continue;
            if (Membership.MembershipViewLookup.Find(before, silo.SiloId)?.Status is not (Membership.SiloStatus.Dead or Membership.SiloStatus.ShuttingDown))
                Messages.FailAwaiting(silo.SiloId, "it was declared dead");
        }
        return true;
    }

    /// <summary>Sends the request to the grain's home: local delivery, or over the network (forwarding counts a hop).</summary>
    public void Route(Request request, GrainClassInfo classInfo)
    {
        if (Placement is null || Messages is null)
        {
            DeliverLocally(request, classInfo);
            return;
        }
        Membership.SiloInfo home;
        try
        {
            home = Placement.Place(request.Target, classInfo);
        }
        catch (NoCompatibleSiloException e)
        {
            Fail(request, e);
            return;
        }
        if (Catalog is not null && Placement.IsLocal(home))
        {
            DeliverLocally(request, classInfo);
            return;
        }
        if (request.Reply is not null && ++request.Hops > MaxForwardHops)
        {
            Fail(request, new GrainRoutingException($"{request.Method.DisplayName} on {request.Target} was forwarded {MaxForwardHops} times while membership changed; retry once the cluster settles."));
            return;
        }
        Messages.SendRequest(home, request);
    }

    /// <summary>Takes a request that arrived from another process: tracked until its deadline, then routed.</summary>
    public void AcceptInbound(Request request, GrainClassInfo classInfo)
    {
        if (!_accepting)
        {
            request.TryFail(new SiloUnavailableException($"This silo is not serving; {request.Method.DisplayName} on {request.Target} did not run."));
            return;
        }
        _pending.Add(request);
        Route(request, classInfo);
    }

    private void DeliverLocally(Request request, GrainClassInfo classInfo)
    {
        if (Catalog is null)
        {
            Fail(request, new GrainRoutingException($"{request.Target} has no home: this client hosts no grains and knows no silo."));
            return;
        }
        // Silo targets keep answering while the silo shuts down: new homes ask it to hand its grains over.
        if (_shuttingDown && !classInfo.IsSiloTarget && !Catalog.TryGetActivation(request.Target, out _))
        {
            Fail(request, new SiloUnavailableException($"The silo is shutting down; {request.Method.DisplayName} on {request.Target} was not run."));
            return;
        }
        if (!request.ArgumentsIsolated)
        {
            try
            {
                using (CopyContext.Enter(Json))
                    request.PrepareArguments();
            }
            catch (Exception e)
            {
                Fail(request, e);
                return;
            }
        }
        Catalog.Deliver(request, classInfo);
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

    /// <summary>Delivers the outcome of a finished local invocation to its caller.</summary>
    public void Complete(Request request, Task invocation)
    {
        _pending.Remove(request);
        using (CopyContext.Enter(Json))
            request.Complete(invocation);
    }

    /// <summary>Stops tracking a call that was answered over the network.</summary>
    public void Answered(Request request) => _pending.Remove(request);

    public void Fail(Request request, Exception exception)
    {
        _pending.Remove(request);
        Messages?.Forget(request);
        request.TryFail(exception);
    }

    private void OnExpired(Request request) => Messages?.Forget(request);

    /// <summary>How long a request that could not be sent waits before it is routed again.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Routes a request that was not sent (its silo was unreachable) again after a short delay, with the membership
    /// view of that time, until it is answered or its deadline passes.
    /// </summary>
    public void RetryLater(Request request)
    {
        if (request.IsCompleted)
            return;
        _ = Task.Delay(RetryDelay).ContinueWith(static (_, s) =>
        {
            var (dispatcher, r) = ((Dispatcher, Request))s!;
            if (!r.IsCompleted)
                dispatcher.Route(r, GrainRegistry.ForGrainType(r.Target.Type));
        }, (this, request), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
        Route(request, classInfo);
    }

    public void Dispose() => _pending.Dispose();
}

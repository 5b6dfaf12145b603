using System.Runtime.CompilerServices;
using Cluster.Runtime.Catalog;

namespace Cluster.Runtime.Messaging;

/// <summary>
/// One grain call in flight: its arguments (generated subclasses add them as fields), its target and deadline,
/// and the promise the caller awaits. It is also the node the activation queues and the deadline sweeper tracks,
/// so a call costs one object plus its task.
/// </summary>
public abstract class Request
{
    private CancellationTokenSource? _calleeCancellation;
    private int _completed;

    public abstract GrainMethod Method { get; }

    /// <summary>Cancelled when the caller gives up (deadline or its token): pass it on to long work.</summary>
    public CancellationToken CancellationToken
    {
        get
        {
            var cts = Volatile.Read(ref _calleeCancellation);
            if (cts is null)
            {
                cts = new CancellationTokenSource();
                cts = Interlocked.CompareExchange(ref _calleeCancellation, cts, null) ?? cts;
                if (IsCompleted)
                    cts.Cancel();
            }
            return cts.Token;
        }
    }

    internal GrainId Target { get; set; }

    internal long DeadlineTimestamp { get; set; }

    internal long StartTimestamp { get; set; }

    internal CallChain? Chain { get; set; }

    /// <summary>Set when the target is a non-reentrant activation already on this call's chain.</summary>
    internal bool MayDeadlock { get; set; }

    internal System.Diagnostics.ActivityContext ParentActivity { get; set; }

    internal System.Diagnostics.Activity? ServerActivity { get; set; }

    internal CancellationTokenRegistration CallerCancellation { get; set; }

    // Intrusive links for the deadline sweeper's pending list.
    internal Request? PendingPrevious;
    internal Request? PendingNext;
    internal int PendingStripe = -1;

    // Intrusive link for the activation's queue.
    internal Request? QueueNext;

    internal bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Whether running this request keeps the activation from being collected as idle.</summary>
    internal virtual bool CountsAsActivity => true;

    /// <summary>Whether the request goes on to the grain's next activation when its activation deactivates first.</summary>
    internal virtual bool FollowsGrain => true;

    protected abstract Task InvokeCore(object grain);

    /// <summary>Replaces mutable arguments by copies so that caller and grain never share them.</summary>
    protected virtual void CopyArguments()
    {
    }

    internal void PrepareArguments() => CopyArguments();

    internal Task Invoke(object grain)
    {
        try
        {
            return InvokeCore(grain) ?? Task.FromException(new InvalidOperationException($"{Method.DisplayName} returned a null Task."));
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    /// <summary>Claims the right to complete this call; false when it completed already (for example by timeout).</summary>
    private protected bool TryClaimCompletion()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            return false;
        CallerCancellation.Dispose();
        return true;
    }

    private protected void CancelCallee()
    {
        var cts = Volatile.Read(ref _calleeCancellation);
        if (cts is null)
            return;
        try
        {
            cts.Cancel();
        }
        catch (AggregateException)
        {
            // A callee's cancellation callback threw; the caller already has its answer.
        }
    }

    /// <summary>Delivers the finished invocation's outcome to the caller.</summary>
    internal abstract void Complete(Task invocation);

    internal abstract bool TryFail(Exception exception);

    /// <summary>The task the caller awaits; created before the request is published.</summary>
    internal abstract Task CallerTask { get; }

    internal static long Now => System.Diagnostics.Stopwatch.GetTimestamp();
}

/// <summary>A request whose method returns <c>Task&lt;TResult&gt;</c>.</summary>
public abstract class Request<TResult> : Request
{
    private AsyncTaskMethodBuilder<TResult> _promise = AsyncTaskMethodBuilder<TResult>.Create();
    private Task<TResult>? _task;

    /// <summary>Copies a mutable result so the caller never shares it with the grain.</summary>
    protected virtual TResult CopyResult(TResult value) => value;

    protected virtual TResult ResultOf(Task invocation) => ((Task<TResult>)invocation).Result;

    internal Task<TResult> Task => _task ??= _promise.Task;

    internal override Task CallerTask => Task;

    internal override void Complete(Task invocation)
    {
        if (invocation.IsCompletedSuccessfully)
        {
            TResult result;
            try
            {
                result = CopyResult(ResultOf(invocation));
            }
            catch (Exception e)
            {
                TryFail(e);
                return;
            }
            if (TryClaimCompletion())
                _promise.SetResult(result);
        }
        else if (invocation.IsCanceled)
        {
            TryFail(new TaskCanceledException($"{Method.DisplayName} on {Target} was canceled by the grain."));
        }
        else
        {
            var e = invocation.Exception!.InnerExceptions.Count == 1 ? invocation.Exception.InnerException! : invocation.Exception;
            TryFail(e);
        }
    }

    /// <summary>Completes a one-way call as soon as it is accepted.</summary>
    internal void CompleteAccepted()
    {
        if (TryClaimCompletion())
            _promise.SetResult(default!);
    }

    internal override bool TryFail(Exception exception)
    {
        if (!TryClaimCompletion())
            return false;
        CancelCallee();
        _promise.SetException(exception);
        return true;
    }
}

/// <summary>A request whose method returns a plain <c>Task</c>.</summary>
public abstract class VoidRequest : Request<None>
{
    protected sealed override None ResultOf(Task invocation) => default;
}

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

    internal void PrepareArguments()
    {
        CopyArguments();
        ArgumentsIsolated = true;
    }

    /// <summary>True once the arguments belong to this request alone (copied, or read from the wire).</summary>
    internal bool ArgumentsIsolated { get; set; }

    /// <summary>The connection an inbound request's answer goes back on.</summary>
    internal object? ReplyTo { get; set; }

    /// <summary>The correlation id the sender of an inbound request expects in the answer.</summary>
    internal long ReplyCorrelationId { get; set; }

    /// <summary>Writes the arguments as consecutive JSON values (generated).</summary>
    protected abstract void WriteArguments(System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonSerializerOptions options);

    /// <summary>Reads the arguments written by <see cref="WriteArguments"/> (generated).</summary>
    protected abstract void ReadArguments(ref System.Text.Json.Utf8JsonReader reader, System.Text.Json.JsonSerializerOptions options);

    internal void SerializeArguments(System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        WriteArguments(writer, options);
        writer.WriteEndArray();
    }

    internal void DeserializeArguments(ReadOnlySpan<byte> json, System.Text.Json.JsonSerializerOptions options)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json);
        reader.Read();
        ReadArguments(ref reader, options);
    }

    /// <summary>Set on requests that arrived from another process: the outcome is sent back instead of completing a local promise.</summary>
    internal IRemoteReply? Reply { get; set; }

    /// <summary>How many silos forwarded this request because the grain's home had moved.</summary>
    internal int Hops { get; set; }

    /// <summary>The silo a call was sent to while it waits for the answer, and its correlation id there.</summary>
    internal long CorrelationId { get; set; }

    internal string? RemoteSilo { get; set; }

    /// <summary>Writes the successful outcome of an invocation as JSON.</summary>
    internal abstract void SerializeResult(Task invocation, System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonSerializerOptions options);

    /// <summary>Completes the caller with a result that came back over the wire.</summary>
    internal abstract void CompleteFromWire(ReadOnlySpan<byte> json, System.Text.Json.JsonSerializerOptions options);

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

}

/// <summary>A request whose method returns <c>Task&lt;TResult&gt;</c>.</summary>
public abstract class Request<TResult> : Request, IThreadPoolWorkItem
{
    private AsyncTaskMethodBuilder<TResult> _promise = AsyncTaskMethodBuilder<TResult>.Create();
    private Task<TResult>? _task;
    private TResult? _wireResult;

    /// <summary>Copies a mutable result so the caller never shares it with the grain.</summary>
    protected virtual TResult CopyResult(TResult value) => value;

    protected virtual TResult ResultOf(Task invocation) => ((Task<TResult>)invocation).Result;

    internal Task<TResult> Task => _task ??= _promise.Task;

    internal override void SerializeResult(Task invocation, System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonSerializerOptions options) =>
        System.Text.Json.JsonSerializer.Serialize(writer, ResultOf(invocation), options);

    internal override void CompleteFromWire(ReadOnlySpan<byte> json, System.Text.Json.JsonSerializerOptions options)
    {
        TResult result;
        try
        {
            result = System.Text.Json.JsonSerializer.Deserialize<TResult>(json, options)!;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            TryFail(new GrainSerializationException($"The result of {Method.DisplayName} could not be read: {e.Message}", e));
            return;
        }
        if (Reply is { } reply)
        {
            // A forwarded request: relay the answer to the silo or client that sent it here.
            if (TryClaimCompletion())
                reply.Send(this, System.Threading.Tasks.Task.FromResult(result));
            return;
        }
        if (!TryClaimCompletion())
            return;
        // The caller's continuation runs on the thread pool, never on the connection's reader loop.
        _wireResult = result;
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute() => _promise.SetResult(_wireResult!);

    internal override void Complete(Task invocation)
    {
        if (Reply is { } reply)
        {
            if (TryClaimCompletion())
                reply.Send(this, invocation);
            return;
        }
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
        if (Reply is { } reply)
            reply.Send(this, System.Threading.Tasks.Task.FromException(exception));
        else
            _promise.SetException(exception);
        return true;
    }
}

/// <summary>A request whose method returns a plain <c>Task</c>.</summary>
public abstract class VoidRequest : Request<None>
{
    protected sealed override None ResultOf(Task invocation) => default;
}

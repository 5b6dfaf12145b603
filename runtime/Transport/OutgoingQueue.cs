using System.Buffers;
using System.Threading.Tasks.Sources;

namespace Cluster.Runtime.Transport;

/// <summary>
/// The frames of one connection waiting to be written. Senders copy each frame (header and payload) into pooled
/// chunks under a short lock and return at once; the single writer takes everything queued so far in one swap, so
/// frames that arrive while a socket send is in progress are coalesced into the next send. Waiting for work costs no
/// allocation: the queue itself is the awaitable the writer waits on.
/// </summary>
internal sealed class OutgoingQueue(long maxQueuedBytes) : IValueTaskSource<bool>
{
    /// <summary>Size of the pooled chunks that small frames are packed into; one chunk is one socket send.</summary>
    private const int ChunkBytes = 64 * 1024;

    private readonly Lock _gate = new();
    private List<OutgoingChunk> _filled = [];
    private List<OutgoingChunk> _taken = [];
    private byte[]? _tail;
    private int _tailLength;
    private long _queuedBytes;
    private bool _completing;
    private bool _closed;
    private bool _writerWaiting;
    private ManualResetValueTaskSourceCore<bool> _wakeUp = new() { RunContinuationsAsynchronously = true };

    /// <summary>Bytes queued or being written, headers included.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    public EnqueueResult TryEnqueue(ReadOnlySpan<byte> payload)
    {
        var frameBytes = FrameFormat.HeaderBytes + payload.Length;
        return frameBytes > ChunkBytes ? EnqueueLarge(payload, frameBytes) : EnqueueSmall(payload, frameBytes);
    }

    private EnqueueResult EnqueueSmall(ReadOnlySpan<byte> payload, int frameBytes)
    {
        bool wake;
        lock (_gate)
        {
            var refused = Admit(frameBytes);
            if (refused != EnqueueResult.Queued)
                return refused;
            if (_tail is null || _tail.Length - _tailLength < frameBytes)
            {
                SealTail();
                _tail = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            }
            var destination = _tail.AsSpan(_tailLength, frameBytes);
            FrameFormat.WriteHeader(destination, payload.Length);
            payload.CopyTo(destination[FrameFormat.HeaderBytes..]);
            _tailLength += frameBytes;
            wake = TakeWaitingWriter();
        }
        if (wake)
            _wakeUp.SetResult(true);
        return EnqueueResult.Queued;
    }

    /// <summary>A large frame gets a chunk of its own, copied outside the lock so that it does not hold up other senders.</summary>
    private EnqueueResult EnqueueLarge(ReadOnlySpan<byte> payload, int frameBytes)
    {
        lock (_gate)
        {
            var refused = Admit(frameBytes);
            if (refused != EnqueueResult.Queued)
                return refused;
        }
        var chunk = ArrayPool<byte>.Shared.Rent(frameBytes);
        FrameFormat.WriteHeader(chunk, payload.Length);
        payload.CopyTo(chunk.AsSpan(FrameFormat.HeaderBytes));
        bool wake;
        lock (_gate)
        {
            if (_closed)
            {
                ArrayPool<byte>.Shared.Return(chunk);
                return EnqueueResult.Closed;
            }
            SealTail();
            _filled.Add(new OutgoingChunk(chunk, frameBytes));
            wake = TakeWaitingWriter();
        }
        if (wake)
            _wakeUp.SetResult(true);
        return EnqueueResult.Queued;
    }

    private EnqueueResult Admit(int frameBytes)
    {
        if (_closed || _completing)
            return EnqueueResult.Closed;
        if (_queuedBytes + frameBytes > maxQueuedBytes)
            return EnqueueResult.Overloaded;
        Interlocked.Add(ref _queuedBytes, frameBytes);
        return EnqueueResult.Queued;
    }

    private void SealTail()
    {
        if (_tail is null)
            return;
        if (_tailLength > 0)
            _filled.Add(new OutgoingChunk(_tail, _tailLength));
        else
            ArrayPool<byte>.Shared.Return(_tail);
        _tail = null;
        _tailLength = 0;
    }

    private bool TakeWaitingWriter()
    {
        var waiting = _writerWaiting;
        _writerWaiting = false;
        return waiting;
    }

    /// <summary>
    /// Completes with true when there may be frames to take, false when the writer should stop: the queue was closed,
    /// or completed and fully taken. Only the writer calls it, one wait at a time.
    /// </summary>
    public ValueTask<bool> WaitAsync()
    {
        lock (_gate)
        {
            if (_closed)
                return new ValueTask<bool>(false);
            if (_filled.Count > 0 || _tailLength > 0)
                return new ValueTask<bool>(true);
            if (_completing)
            {
                // From here on a large frame admitted before completion is refused rather than left behind.
                _closed = true;
                return new ValueTask<bool>(false);
            }
            _wakeUp.Reset();
            _writerWaiting = true;
            return new ValueTask<bool>(this, _wakeUp.Version);
        }
    }

    /// <summary>Everything queued so far, in order. The writer owns the list until it calls <see cref="Recycle"/>.</summary>
    public List<OutgoingChunk> Take()
    {
        lock (_gate)
        {
            SealTail();
            (_filled, _taken) = (_taken, _filled);
            return _taken;
        }
    }

    /// <summary>Called by the writer once a chunk is on the wire, making room for new frames.</summary>
    public void Written(int bytes) => Interlocked.Add(ref _queuedBytes, -bytes);

    /// <summary>Returns a written batch's chunks to the pool.</summary>
    public void Recycle(List<OutgoingChunk> batch)
    {
        foreach (var chunk in batch)
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        batch.Clear();
    }

    /// <summary>Refuses new frames but lets the writer take what is queued.</summary>
    public void Complete()
    {
        bool wake;
        lock (_gate)
        {
            _completing = true;
            wake = TakeWaitingWriter();
        }
        if (wake)
            _wakeUp.SetResult(true);
    }

    /// <summary>Refuses new frames and stops the writer; queued frames will not be written.</summary>
    public void Close()
    {
        bool wake;
        lock (_gate)
        {
            _closed = true;
            wake = TakeWaitingWriter();
        }
        if (wake)
            _wakeUp.SetResult(true);
    }

    /// <summary>Called by the writer when it stops: returns every chunk still held, written or not, to the pool.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _closed = true;
            SealTail();
            Recycle(_filled);
            Recycle(_taken);
            Interlocked.Exchange(ref _queuedBytes, 0);
        }
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _wakeUp.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _wakeUp.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _wakeUp.OnCompleted(continuation, state, token, flags);
}

/// <summary>A pooled buffer holding whole frames, and how many of its bytes are used.</summary>
internal readonly record struct OutgoingChunk(byte[] Buffer, int Length);

internal enum EnqueueResult
{
    Queued,
    Overloaded,
    Closed,
}

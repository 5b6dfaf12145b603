using System.Buffers.Binary;
using System.Diagnostics;
using Cluster.GrainInterfaces.Cluster;

namespace Cluster.Bench;

/// <summary>
/// The client half of an echo benchmark, the same whichever transport carries it: <c>inFlight</c> workers each keep one
/// request outstanding on one shared connection. A request is [u32 LE length][u64 LE correlation id][payload]; the
/// correlation id names the worker (high half) and its request number (low half), and the response must echo it.
/// The first fifth of the run (at most one second) warms up and is not measured.
/// </summary>
internal sealed class EchoWorkload
{
    public const int HeaderBytes = 4;
    public const int IdBytes = 8;

    private readonly int _payloadBytes;
    private readonly TaskCompletionSource?[] _pending;
    private readonly uint[] _expected;
    private volatile Exception? _failure;

    public EchoWorkload(int payloadBytes, int inFlight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        _payloadBytes = payloadBytes;
        _pending = new TaskCompletionSource?[inFlight];
        _expected = new uint[inFlight];
    }

    /// <summary>Size of a request or response on the wire, length prefix included.</summary>
    public int FrameBytes => HeaderBytes + IdBytes + _payloadBytes;

    /// <summary>Matches a response (correlation id first, no length prefix) to its worker's outstanding request.</summary>
    public void Complete(ReadOnlySpan<byte> response)
    {
        var id = BinaryPrimitives.ReadUInt64LittleEndian(response);
        var worker = (int)(id >> 32);
        var pending = (uint)worker < (uint)_pending.Length ? Volatile.Read(ref _pending[worker]) : null;
        if (pending is null || (uint)id != Volatile.Read(ref _expected[worker]) || response.Length != IdBytes + _payloadBytes)
            Fail(new InvalidDataException($"Unexpected echo response {id:x16} of {response.Length} bytes."));
        else
            pending.TrySetResult();
    }

    /// <summary>Ends the run with an error: the connection broke or answered wrongly.</summary>
    public void Fail(Exception error)
    {
        _failure ??= error;
        foreach (var pending in _pending)
            pending?.TrySetException(error);
    }

    /// <summary>
    /// Runs the workers for a warm-up and then <paramref name="duration"/>; <paramref name="send"/> gets a whole
    /// request frame (length prefix included) and must be safe to call from many workers at once.
    /// </summary>
    public async Task<EchoResult> RunAsync(Action<byte[]> send, TimeSpan duration)
    {
        var warmUp = TimeSpan.FromTicks(Math.Min(duration.Ticks / 5, TimeSpan.TicksPerSecond));
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var histogram = new LatencyHistogram();
        var workers = new Task<long>[_pending.Length];
        for (var w = 0; w < workers.Length; w++)
        {
            var worker = w;
            workers[w] = Task.Run(() => WorkAsync(worker, send, measureFrom, stopAt, histogram));
        }
        var counts = await Task.WhenAll(workers).ConfigureAwait(false);
        if (_failure is { } failure)
            throw new InvalidOperationException("The echo run failed.", failure);
        long requests = 0;
        foreach (var count in counts)
            requests += count;
        return new EchoResult(requests, requests / duration.TotalSeconds, histogram.PercentileMicros(0.50), histogram.PercentileMicros(0.99));
    }

    private async Task<long> WorkAsync(int worker, Action<byte[]> send, long measureFrom, long stopAt, LatencyHistogram histogram)
    {
        var frame = new byte[FrameBytes];
        BinaryPrimitives.WriteInt32LittleEndian(frame, IdBytes + _payloadBytes);
        frame.AsSpan(HeaderBytes + IdBytes).Fill((byte)worker);
        long measured = 0;
        uint sequence = 0;
        while (_failure is null)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= stopAt)
                break;
            sequence++;
            var pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _expected[worker], sequence);
            Volatile.Write(ref _pending[worker], pending);
            BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(HeaderBytes), ((ulong)(uint)worker << 32) | sequence);
            send(frame);
            await pending.Task.ConfigureAwait(false);
            var finished = Stopwatch.GetTimestamp();
            if (started >= measureFrom && finished <= stopAt)
            {
                histogram.Record(Stopwatch.GetElapsedTime(started, finished).TotalMicroseconds);
                measured++;
            }
        }
        return measured;
    }
}

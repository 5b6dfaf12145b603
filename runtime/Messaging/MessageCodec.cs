using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Cluster.Runtime.Catalog;
using Cluster.Runtime.Serialization;

namespace Cluster.Runtime.Messaging;

/// <summary>
/// The binary layout of messages between processes. A request frame carries its target, method key, remaining
/// deadline, forwarding hops, call chain and trace context in a compact header, then the arguments as a JSON
/// array. A response frame carries the outcome: a JSON result, or an exception's type, message and field.
/// </summary>
internal static class MessageCodec
{
    public const byte RequestKind = 1;
    public const byte ResponseKind = 2;

    private const byte Ok = 0;
    private const byte Faulted = 1;

    [ThreadStatic]
    private static Utf8JsonWriter? _jsonWriter;

    public static byte KindOf(ReadOnlySpan<byte> frame) => frame.Length > 0 ? frame[0] : (byte)0;

    public static void WriteRequest(ArrayBufferWriter<byte> output, Request r, long correlationId, ClusterJson json)
    {
        var header = output.GetSpan(1 + 8 + 4 + 1 + 1);
        header[0] = RequestKind;
        BinaryPrimitives.WriteInt64LittleEndian(header[1..], correlationId);
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), r.DeadlineTimestamp).TotalMilliseconds;
        BinaryPrimitives.WriteInt32LittleEndian(header[9..], (int)Math.Clamp(remaining, 0, int.MaxValue));
        header[13] = (byte)Math.Min(r.Hops, 255);
        header[14] = (byte)(r.MayDeadlock ? 1 : 0);
        output.Advance(15);
        WriteString(output, r.Target.Type);
        WriteString(output, r.Target.Key);
        WriteString(output, r.Method.Key);
        WriteString(output, r.ParentActivity == default ? "" : $"00-{r.ParentActivity.TraceId}-{r.ParentActivity.SpanId}-{(int)r.ParentActivity.TraceFlags:x2}");
        var depth = 0;
        for (var c = r.Chain; c is not null && depth < byte.MaxValue; c = c.Parent)
            depth++;
        output.GetSpan(1)[0] = (byte)depth;
        output.Advance(1);
        WriteChain(output, r.Chain, depth);
        var writer = Writer(output);
        r.SerializeArguments(writer, json.Options);
        writer.Flush();
    }

    /// <summary>Writes the innermost <paramref name="depth"/> links of the chain, caller-most first, as the reader rebuilds it.</summary>
    private static void WriteChain(ArrayBufferWriter<byte> output, CallChain? chain, int depth)
    {
        if (chain is null || depth == 0)
            return;
        WriteChain(output, chain.Parent, depth - 1);
        WriteString(output, chain.Grain.Type);
        WriteString(output, chain.Grain.Key);
    }

    /// <summary>Reads a request frame into a new request of the right generated type.</summary>
    public static Request ReadRequest(ReadOnlySpan<byte> frame, ClusterJson json, out long correlationId)
    {
        correlationId = BinaryPrimitives.ReadInt64LittleEndian(frame[1..]);
        var remainingMs = BinaryPrimitives.ReadInt32LittleEndian(frame[9..]);
        var hops = frame[13];
        var mayDeadlock = frame[14] == 1;
        var rest = frame[15..];
        var type = ReadString(ref rest);
        var key = ReadString(ref rest);
        var methodKey = ReadString(ref rest);
        var trace = ReadString(ref rest);
        var depth = rest[0];
        rest = rest[1..];
        CallChain? chain = null;
        for (var i = 0; i < depth; i++)
            chain = new CallChain(new GrainId(ReadString(ref rest), ReadString(ref rest)), chain);

        var request = GrainRegistry.NewRequest(methodKey);
        request.Target = new GrainId(type, key);
        var now = Stopwatch.GetTimestamp();
        request.StartTimestamp = now;
        request.DeadlineTimestamp = now + (long)(remainingMs / 1000.0 * Stopwatch.Frequency);
        request.Hops = hops;
        request.MayDeadlock = mayDeadlock;
        request.Chain = chain;
        if (trace.Length > 0 && ActivityContext.TryParse(trace, null, out var parent))
            request.ParentActivity = parent;
        request.DeserializeArguments(rest, json.Options);
        request.ArgumentsIsolated = true;
        return request;
    }

    public static void WriteResponse(ArrayBufferWriter<byte> output, long correlationId, Request r, Task outcome, ClusterJson json)
    {
        var header = output.GetSpan(10);
        header[0] = ResponseKind;
        BinaryPrimitives.WriteInt64LittleEndian(header[1..], correlationId);
        if (outcome.IsCompletedSuccessfully)
        {
            header[9] = Ok;
            output.Advance(10);
            var writer = Writer(output);
            try
            {
                r.SerializeResult(outcome, writer, json.Options);
                writer.Flush();
                return;
            }
            catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
            {
                output.ResetWrittenCount();
                WriteResponse(output, correlationId, r, Task.FromException(new GrainSerializationException($"The result of {r.Method.DisplayName} cannot be serialized: {e.Message}", e)), json);
                return;
            }
        }
        var error = outcome.IsCanceled
            ? new TaskCanceledException($"{r.Method.DisplayName} on {r.Target} was canceled.")
            : outcome.Exception!.InnerExceptions.Count == 1 ? outcome.Exception.InnerException! : outcome.Exception;
        output.ResetWrittenCount();
        WriteFailure(output, correlationId, error);
    }

    /// <summary>A failure response for a request that could not even be read.</summary>
    public static void WriteFailure(ArrayBufferWriter<byte> output, long correlationId, Exception error)
    {
        var header = output.GetSpan(10);
        header[0] = ResponseKind;
        BinaryPrimitives.WriteInt64LittleEndian(header[1..], correlationId);
        header[9] = Faulted;
        output.Advance(10);
        WriteString(output, ExceptionCodec.TypeName(error));
        WriteString(output, error.Message);
        WriteString(output, ExceptionCodec.FieldOf(error) ?? "\0");
    }

    /// <summary>Completes the waiting caller from a response frame.</summary>
    public static void CompleteFromResponse(ReadOnlySpan<byte> frame, Request r, ClusterJson json)
    {
        var status = frame[9];
        var rest = frame[10..];
        if (status == Ok)
        {
            r.CompleteFromWire(rest, json.Options);
            return;
        }
        var type = ReadString(ref rest);
        var message = ReadString(ref rest);
        var field = ReadString(ref rest);
        r.TryFail(ExceptionCodec.Recreate(type, message, field == "\0" ? null : field));
    }

    public static long CorrelationOf(ReadOnlySpan<byte> frame) => BinaryPrimitives.ReadInt64LittleEndian(frame[1..]);

    private static Utf8JsonWriter Writer(IBufferWriter<byte> output)
    {
        var writer = _jsonWriter ??= new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(output);
        return writer;
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var span = output.GetSpan(4 + max);
        var written = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, written);
        output.Advance(4 + written);
    }

    private static string ReadString(ref ReadOnlySpan<byte> span)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(span);
        var value = Encoding.UTF8.GetString(span.Slice(4, length));
        span = span[(4 + length)..];
        return value;
    }
}

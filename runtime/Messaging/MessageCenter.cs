using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Cluster.Runtime.Catalog;
using Cluster.Runtime.Membership;
using Cluster.Runtime.Transport;
using Microsoft.Extensions.Logging;

namespace Cluster.Runtime.Messaging;

/// <summary>
/// Grain calls over the network: encodes requests to other silos and matches their responses by correlation id,
/// and (on a silo) decodes inbound requests, hands them to the dispatcher and sends their outcome back on the
/// connection they came from. Calls to a silo that is lost fail as routing errors, which callers may retry.
/// </summary>
internal sealed class MessageCenter : IRemoteReply, IAsyncDisposable
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    private readonly Dispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly ConnectionPool _pool;
    private readonly ConcurrentDictionary<long, Request> _awaiting = new();
    private readonly ConcurrentDictionary<string, IPEndPoint> _endPoints = new(StringComparer.Ordinal);
    private ConnectionListener? _listener;
    private long _nextCorrelation;

    public MessageCenter(Dispatcher dispatcher, TransportOptions transport, ILogger logger)
    {
        _dispatcher = dispatcher;
        _logger = logger;
        _pool = new ConnectionPool(transport, OnFrame, logger);
        _pool.ConnectionLost += (connection, closure) => FailAwaiting(connection.RemoteIdentity, $"the connection was lost ({closure})");
        Transport = transport;
    }

    public TransportOptions Transport { get; }

    /// <summary>The address this silo listens on, once <see cref="Listen"/> ran.</summary>
    public IPEndPoint? EndPoint => _listener?.EndPoint;

    public void Listen(IPEndPoint endPoint) => _listener = ConnectionListener.Start(endPoint, Transport, OnFrame, logger: _logger);

    public void SendRequest(SiloInfo target, Request request)
    {
        var correlation = Interlocked.Increment(ref _nextCorrelation);
        request.CorrelationId = correlation;
        request.RemoteSilo = target.SiloId;
        _awaiting[correlation] = request;
        var pending = _pool.GetAsync(_endPoints.GetOrAdd(target.Endpoint, ParseEndPoint));
        if (pending.IsCompletedSuccessfully)
            Send(pending.Result, request);
        else
            _ = SendWhenConnectedAsync(pending, target, request);
    }

    private async Task SendWhenConnectedAsync(ValueTask<Connection> pending, SiloInfo target, Request request)
    {
        Connection connection;
        try
        {
            connection = await pending;
        }
        catch (Exception e)
        {
            // Nothing was sent: route it again once membership or the connection recovers, until its deadline.
            Forget(request);
            _logger.LogDebug(e, "Silo {Silo} at {Endpoint} cannot be reached", target.SiloId, target.Endpoint);
            _dispatcher.RetryLater(request);
            return;
        }
        Send(connection, request);
    }

    private void Send(Connection connection, Request request)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        try
        {
            MessageCodec.WriteRequest(buffer, request, request.CorrelationId, _dispatcher.Json);
            connection.Send(buffer.WrittenSpan);
        }
        catch (ConnectionClosedException)
        {
            Forget(request);
            _dispatcher.RetryLater(request);
        }
        catch (Exception e)
        {
            Forget(request);
            var error = e switch
            {
                TransportOverloadedException => e,
                GrainSerializationException => e,
                TransportException => new GrainRoutingException($"{request.Method.DisplayName} could not be sent to {connection.RemoteIdentity}: {e.Message}", e),
                _ => new GrainSerializationException($"The arguments of {request.Method.DisplayName} cannot be serialized: {e.Message}", e),
            };
            _dispatcher.Fail(request, error);
        }
        finally
        {
            if (buffer.Capacity > 1 << 20)
                _buffer = null;
        }
    }

    /// <summary>Stops waiting for a remote answer to this request (it completed some other way).</summary>
    public void Forget(Request request)
    {
        if (request.RemoteSilo is not null)
            _awaiting.TryRemove(request.CorrelationId, out _);
    }

    /// <summary>Fails the calls waiting on a silo that left or died, so callers can retry elsewhere.</summary>
    public void FailAwaiting(string siloId, string reason)
    {
        foreach (var (correlation, request) in _awaiting)
        {
            if (request.RemoteSilo == siloId && _awaiting.TryRemove(correlation, out _))
                _dispatcher.Fail(request, new GrainRoutingException($"{request.Method.DisplayName} on {request.Target} did not complete: silo {siloId} is gone ({reason}). Retry."));
        }
    }

    private void OnFrame(Connection connection, ReadOnlySpan<byte> frame)
    {
        switch (MessageCodec.KindOf(frame))
        {
            case MessageCodec.RequestKind:
                OnRequest(connection, frame);
                break;
            case MessageCodec.ResponseKind:
                if (_awaiting.TryRemove(MessageCodec.CorrelationOf(frame), out var request))
                {
                    _dispatcher.Answered(request);
                    MessageCodec.CompleteFromResponse(frame, request, _dispatcher.Json);
                }
                break;
            default:
                throw new InvalidDataException($"Unknown message kind {MessageCodec.KindOf(frame)} from {connection.RemoteIdentity}.");
        }
    }

    private void OnRequest(Connection connection, ReadOnlySpan<byte> frame)
    {
        Request request;
        long correlation;
        try
        {
            request = MessageCodec.ReadRequest(frame, _dispatcher.Json, out correlation);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "A request from {Peer} could not be read", connection.RemoteIdentity);
            SendFailure(connection, MessageCodec.CorrelationOf(frame), e);
            return;
        }
        request.ReplyCorrelationId = correlation;
        request.ReplyTo = connection;
        request.Reply = this;
        GrainClassInfo classInfo;
        try
        {
            classInfo = GrainRegistry.ForGrainType(request.Target.Type);
        }
        catch (GrainActivationException e)
        {
            request.TryFail(e);
            return;
        }
        _dispatcher.AcceptInbound(request, classInfo);
    }

    private void SendFailure(Connection connection, long correlation, Exception error)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        MessageCodec.WriteFailure(buffer, correlation, error);
        TrySend(connection, buffer.WrittenSpan);
    }

    void IRemoteReply.Send(Request request, Task outcome)
    {
        var connection = (Connection)request.ReplyTo!;
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        MessageCodec.WriteResponse(buffer, request.ReplyCorrelationId, request, outcome, _dispatcher.Json);
        TrySend(connection, buffer.WrittenSpan);
    }

    private void TrySend(Connection connection, ReadOnlySpan<byte> frame)
    {
        try
        {
            connection.Send(frame);
        }
        catch (TransportException e)
        {
            // The caller is gone or overloaded; it will time out or retry.
            _logger.LogDebug(e, "A response to {Peer} was not sent", connection.RemoteIdentity);
        }
    }

    private static IPEndPoint ParseEndPoint(string endpoint) =>
        IPEndPoint.TryParse(endpoint, out var ep)
            ? ep
            : throw new GrainRoutingException($"Silo endpoint '{endpoint}' is not an IP:port address.");

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
            await _listener.DisposeAsync();
        await _pool.DisposeAsync();
        foreach (var (_, request) in _awaiting)
            request.TryFail(new SiloUnavailableException("The cluster connection is closing."));
        _awaiting.Clear();
    }
}

using System.Globalization;
using System.Text;
using Cluster.Grains.Chat.Streams;

namespace Cluster.Gateway.Endpoints.Chat;

/// <summary>
/// A message's events as server-sent events: every stored event after <c>after</c>, then each new one as it is
/// appended, until done or error. Each event carries its id, so a client that drops resumes with Last-Event-ID and
/// gets every later event once, in order. A comment line keeps idle connections open through proxies.
/// </summary>
public sealed class ChatEventsResult(IChatEventStore store, string stream, long after) : IResult
{
    public const string ContentType = "text/event-stream";
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly byte[] KeepAliveComment = ": keep-alive\n\n"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellation = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellation);

        var last = after;
        var quietSince = DateTime.UtcNow;
        var frame = new StringBuilder();
        try
        {
            while (true)
            {
                var events = await store.ReadAfterAsync(stream, last, 256, cancellation);
                if (events.Count > 0)
                {
                    frame.Clear();
                    var final = false;
                    foreach (var chatEvent in events)
                    {
                        frame.Append("id: ").Append(chatEvent.Id.ToString(CultureInfo.InvariantCulture))
                            .Append("\nevent: ").Append(chatEvent.Type).Append("\ndata: ").Append(chatEvent.Data).Append("\n\n");
                        last = chatEvent.Id;
                        if (final = chatEvent.IsFinal)
                            break;
                    }

                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame.ToString()), cancellation);
                    await response.Body.FlushAsync(cancellation);
                    if (final)
                        return;
                    quietSince = DateTime.UtcNow;
                    continue;
                }

                await store.WaitAsync(stream, last, KeepAlive, cancellation);
                if (DateTime.UtcNow - quietSince >= KeepAlive)
                {
                    await response.Body.WriteAsync(KeepAliveComment, cancellation);
                    await response.Body.FlushAsync(cancellation);
                    quietSince = DateTime.UtcNow;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away; the answer goes on, and its events wait for the client's return.
        }
    }

    /// <summary>Waits, without sending anything, until the stream's final event is stored.</summary>
    public static async Task WaitForEndAsync(IChatEventStore store, string stream, CancellationToken cancellation)
    {
        long last = 0;
        while (true)
        {
            var events = await store.ReadAfterAsync(stream, last, 256, cancellation);
            foreach (var chatEvent in events)
            {
                if (chatEvent.IsFinal)
                    return;
                last = chatEvent.Id;
            }

            if (events.Count == 0)
                await store.WaitAsync(stream, last, KeepAlive, cancellation);
        }
    }
}

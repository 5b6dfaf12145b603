using System.Text;

namespace Cluster.Runtime.Transport;

/// <summary>
/// Settings shared by a listener, the connections it accepts, outbound connections and the connection pool.
/// Both ends of a connection must agree on <see cref="ClusterId"/> and <see cref="SharedSecret"/>.
/// </summary>
public sealed class TransportOptions
{
    /// <summary>Longest cluster id or identity accepted, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 256;

    /// <summary>Shortest shared secret accepted, in UTF-8 bytes.</summary>
    public const int MinSecretBytes = 16;

    /// <summary>Peers with a different cluster id are rejected during the handshake.</summary>
    public string ClusterId { get; set; } = "";

    /// <summary>
    /// Key (UTF-8 bytes) that both sides prove knowledge of with HMAC-SHA256 over the handshake; it never crosses the wire.
    /// </summary>
    public string SharedSecret { get; set; } = "";

    /// <summary>How this process presents itself to peers: a silo id, or "client:&lt;name&gt;" for a gateway.</summary>
    public string LocalIdentity { get; set; } = "";

    /// <summary>Largest payload of one frame, in bytes; larger frames are refused on send and end the connection on receive.</summary>
    public int MaxFrameBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Bytes (payloads plus 4-byte length prefixes) a connection may hold waiting to be written; beyond it a send
    /// fails fast with <see cref="TransportOverloadedException"/>. Must leave room for one frame of <see cref="MaxFrameBytes"/>.
    /// </summary>
    public long MaxQueuedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Time allowed for the handshake; for outbound connections it also covers the TCP connect.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time a graceful <see cref="Connection.CloseAsync"/> allows for writing queued frames and for the peer to close its side.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed connect, the pool refuses new attempts to that endpoint for this long (doubling per consecutive failure).</summary>
    public TimeSpan ReconnectBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound of the doubling reconnect backoff.</summary>
    public TimeSpan MaxReconnectBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="TransportOptionsValidationException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ValidateName(ClusterId, nameof(ClusterId));
        ValidateName(LocalIdentity, nameof(LocalIdentity));
        if (Encoding.UTF8.GetByteCount(SharedSecret) < MinSecretBytes)
            throw new TransportOptionsValidationException(nameof(SharedSecret), $"must be at least {MinSecretBytes} bytes of UTF-8.");
        if (MaxFrameBytes < 1)
            throw new TransportOptionsValidationException(nameof(MaxFrameBytes), "must be positive.");
        if (MaxQueuedBytes < (long)MaxFrameBytes + FrameFormat.HeaderBytes)
            throw new TransportOptionsValidationException(nameof(MaxQueuedBytes), $"must be at least MaxFrameBytes + {FrameFormat.HeaderBytes} ({(long)MaxFrameBytes + FrameFormat.HeaderBytes}) so that the largest frame can be queued.");
        if (HandshakeTimeout <= TimeSpan.Zero)
            throw new TransportOptionsValidationException(nameof(HandshakeTimeout), "must be positive.");
        if (CloseTimeout <= TimeSpan.Zero)
            throw new TransportOptionsValidationException(nameof(CloseTimeout), "must be positive.");
        if (ReconnectBackoff < TimeSpan.Zero)
            throw new TransportOptionsValidationException(nameof(ReconnectBackoff), "must not be negative.");
        if (MaxReconnectBackoff < ReconnectBackoff)
            throw new TransportOptionsValidationException(nameof(MaxReconnectBackoff), "must not be less than ReconnectBackoff.");
    }

    private static void ValidateName(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new TransportOptionsValidationException(field, "must not be empty.");
        if (Encoding.UTF8.GetByteCount(value) > MaxNameBytes)
            throw new TransportOptionsValidationException(field, $"must be at most {MaxNameBytes} bytes of UTF-8.");
    }
}

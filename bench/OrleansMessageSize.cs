using System.Diagnostics.Metrics;

namespace Cluster.Bench;

/// <summary>
/// The mean size of the messages Orleans sends between silos while this listens (Orleans' own
/// <c>orleans-messaging-sent-messages-size</c> instrument), so an echo over bare sockets can carry messages of the same size.
/// </summary>
internal sealed class OrleansMessageSize : IDisposable
{
    private const string Instrument = "orleans-messaging-sent-messages-size";
    private readonly MeterListener _listener = new();
    private long _messages;
    private long _bytes;

    public OrleansMessageSize()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == Instrument)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((_, bytes, _, _) => Add(bytes));
        _listener.SetMeasurementEventCallback<long>((_, bytes, _, _) => Add(bytes));
        _listener.Start();
    }

    public long Messages => Interlocked.Read(ref _messages);

    public double MeanBytes => Messages == 0 ? 0 : (double)Interlocked.Read(ref _bytes) / Messages;

    private void Add(long bytes)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void Dispose() => _listener.Dispose();
}

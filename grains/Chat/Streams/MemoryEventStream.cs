namespace Cluster.Grains.Chat.Streams;

/// <summary>One message's events in memory, and the readers waiting for the next one.</summary>
internal sealed class MemoryEventStream
{
    private readonly List<ChatEvent> _events = [];
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long LastAppend { get; private set; }

    public void Append(ChatEvent chatEvent, long now)
    {
        TaskCompletionSource woken;
        lock (_events)
        {
            var expected = _events.Count + 1;
            if (chatEvent.Id != expected)
                throw new InvalidOperationException($"Event {chatEvent.Id} appended where {expected} was next: one writer per stream appends in order.");
            _events.Add(chatEvent);
            LastAppend = now;
            woken = _appended;
            _appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }

    public IReadOnlyList<ChatEvent> ReadAfter(long after, int max)
    {
        lock (_events)
        {
            var from = (int)Math.Clamp(after, 0, _events.Count);
            var count = Math.Min(max, _events.Count - from);
            return count <= 0 ? [] : _events.GetRange(from, count);
        }
    }

    /// <summary>Completed when the stream holds an event above <paramref name="after"/>, now or later.</summary>
    public Task AppendedAfter(long after)
    {
        lock (_events)
            return _events.Count > after ? Task.CompletedTask : _appended.Task;
    }
}

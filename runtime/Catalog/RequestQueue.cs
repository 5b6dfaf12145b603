using Cluster.Runtime.Messaging;

namespace Cluster.Runtime.Catalog;

/// <summary>A FIFO of requests linked through the requests themselves, so queueing allocates nothing.</summary>
internal sealed class RequestQueue
{
    private Request? _head;
    private Request? _tail;

    public int Count { get; private set; }

    public void Enqueue(Request request)
    {
        request.QueueNext = null;
        if (_tail is null)
            _head = request;
        else
            _tail.QueueNext = request;
        _tail = request;
        Count++;
    }

    public bool TryPeek(out Request? request)
    {
        request = _head;
        return request is not null;
    }

    public Request Dequeue()
    {
        var r = _head ?? throw new InvalidOperationException("The request queue is empty.");
        _head = r.QueueNext;
        if (_head is null)
            _tail = null;
        r.QueueNext = null;
        Count--;
        return r;
    }

    public bool TryDequeue(out Request? request)
    {
        if (_head is null)
        {
            request = null;
            return false;
        }
        request = Dequeue();
        return true;
    }
}

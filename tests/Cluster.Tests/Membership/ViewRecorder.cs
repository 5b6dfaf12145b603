using System.Collections.Concurrent;
using Cluster.Runtime.Membership;

namespace Cluster.Tests.Membership;

/// <summary>Records the ViewChanged events of one participant: versions, threads, and whether two ever overlapped.</summary>
public sealed class ViewRecorder
{
    private readonly ConcurrentQueue<MembershipSnapshot> _views = new();
    private int _inside;
    private int _overlapped;
    private int _offPool;

    public ViewRecorder(IClusterMembership membership) => membership.ViewChanged += OnChanged;

    public IReadOnlyList<MembershipSnapshot> Views => [.. _views];

    public bool Overlapped => Volatile.Read(ref _overlapped) == 1;

    public bool RaisedOffThePool => Volatile.Read(ref _offPool) == 1;

    public bool VersionsIncrease()
    {
        long previous = 0;
        foreach (var view in _views)
        {
            if (view.Version <= previous)
                return false;
            previous = view.Version;
        }
        return true;
    }

    private void OnChanged(MembershipSnapshot view)
    {
        if (Interlocked.Exchange(ref _inside, 1) == 1)
            Volatile.Write(ref _overlapped, 1);
        if (!Thread.CurrentThread.IsThreadPoolThread)
            Volatile.Write(ref _offPool, 1);
        _views.Enqueue(view);
        // Linger a little so that a second, concurrent raise would be caught overlapping.
        Thread.Sleep(2);
        Volatile.Write(ref _inside, 0);
    }
}

using System.Diagnostics;

namespace Cluster.Runtime.Messaging;

/// <summary>
/// Calls awaiting an answer, in striped intrusive lists (a call is its own list node, so tracking costs no
/// allocation), swept periodically to fail calls whose deadline passed. Only calls in flight are held.
/// </summary>
internal sealed class PendingCalls : IDisposable
{
    private readonly Stripe[] _stripes;
    private readonly Timer _sweeper;
    private readonly Action<Request> _onExpired;
    private int _nextStripe;

    public PendingCalls(TimeSpan sweepInterval, Action<Request> onExpired)
    {
        _onExpired = onExpired;
        _stripes = new Stripe[Math.Max(4, Environment.ProcessorCount * 2)];
        for (var i = 0; i < _stripes.Length; i++)
            _stripes[i] = new Stripe();
        _sweeper = new Timer(static s => ((PendingCalls)s!).Sweep(), this, sweepInterval, sweepInterval);
    }

    public int Count
    {
        get
        {
            var n = 0;
            foreach (var s in _stripes)
                n += Volatile.Read(ref s.Count);
            return n;
        }
    }

    /// <summary>How many calls were ever tracked (wraps around): unchanged while no call arrives.</summary>
    public int Added => Volatile.Read(ref _nextStripe);

    public void Add(Request request)
    {
        var index = (int)((uint)Interlocked.Increment(ref _nextStripe) % (uint)_stripes.Length);
        var stripe = _stripes[index];
        lock (stripe)
        {
            request.PendingStripe = index;
            request.PendingNext = stripe.Head;
            if (stripe.Head is not null)
                stripe.Head.PendingPrevious = request;
            stripe.Head = request;
            stripe.Count++;
        }
    }

    public void Remove(Request request)
    {
        var index = request.PendingStripe;
        if (index < 0)
            return;
        var stripe = _stripes[index];
        lock (stripe)
        {
            if (request.PendingStripe < 0)
                return;
            if (request.PendingPrevious is not null)
                request.PendingPrevious.PendingNext = request.PendingNext;
            else
                stripe.Head = request.PendingNext;
            if (request.PendingNext is not null)
                request.PendingNext.PendingPrevious = request.PendingPrevious;
            request.PendingPrevious = request.PendingNext = null;
            request.PendingStripe = -1;
            stripe.Count--;
        }
    }

    private void Sweep()
    {
        var now = Stopwatch.GetTimestamp();
        List<Request>? expired = null;
        foreach (var stripe in _stripes)
        {
            lock (stripe)
            {
                for (var r = stripe.Head; r is not null; r = r.PendingNext)
                {
                    if (r.DeadlineTimestamp <= now)
                        (expired ??= []).Add(r);
                }
            }
        }
        if (expired is null)
            return;
        List<Request>? cycles = null;
        foreach (var r in expired)
            if (r.MayDeadlock && r.Chain is not null)
                (cycles ??= []).Add(r);
        foreach (var r in expired)
        {
            Remove(r);
            _onExpired(r);
            r.TryFail(TimeoutFor(r, cycles));
        }
    }

    /// <summary>
    /// A call that expires together with a deadlocked call on its chain (sweeps can run late under load) is reported
    /// as part of that deadlock, so the original caller learns the cause rather than a bare timeout.
    /// </summary>
    private static GrainCallTimeoutException TimeoutFor(Request r, List<Request>? cycles)
    {
        var cycle = r.MayDeadlock && r.Chain is not null ? r : null;
        if (cycle is null && cycles is not null)
        {
            foreach (var c in cycles)
                if (c.Chain!.Contains(r.Target))
                    cycle = c;
        }
        if (cycle is not null)
        {
            return new DeadlockException(
                $"Call {r.Method.DisplayName} did not complete before its deadline: the call chain {cycle.Chain!.Describe(cycle.Target)} " +
                $"returns to {cycle.Target}, which is not reentrant and is still waiting for that chain. Mark the grain [Reentrant], " +
                "the method [AlwaysInterleave], or break the cycle.");
        }
        return new GrainCallTimeoutException($"Call {r.Method.DisplayName} on {r.Target} did not complete before its deadline.");
    }

    public void Dispose() => _sweeper.Dispose();

    private sealed class Stripe
    {
        public Request? Head;
        public int Count;
    }
}

using System.Diagnostics;
using Cluster.Grains.Vision;
using Cluster.Grains.Vision.Queue;
using Cluster.Grains.Vision.Residency;
using Microsoft.Extensions.Time.Testing;

namespace Cluster.Bench.VisionScheduling;

/// <summary>
/// One device serving the synthetic stream over a simulated clock: the executor takes the queue's next job, has the
/// books admit its model (paying the load time when it is not resident), runs it, and releases it. Waits are from
/// arrival to start, load included. The engines run for real; only time is simulated.
/// </summary>
internal sealed class SchedulingSimulation
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch);
    private readonly IJobQueue<int> _queue;
    private readonly ResidencyBook _book;
    private readonly SimulatedArrival[] _arrivals;
    private readonly double _loadSecondsPerGiB;
    private readonly Dictionary<VisionPriority, List<double>> _waits = [];
    private readonly List<long> _decisionTicks = [];
    private readonly List<QueuedJob<int>> _expired = [];
    private int _nextArrival;
    private double _committedByteSeconds;
    private int _loads;

    public SchedulingSimulation(bool priorityQueue, bool weightedLru, SimulatedArrival[] arrivals, long budgetBytes, long reserveBytes, double loadSecondsPerGiB)
    {
        var queueOptions = new JobQueueOptions { Capacity = arrivals.Length, Timeout = TimeSpan.FromDays(1) };
        _queue = priorityQueue ? new PriorityJobQueue<int>(queueOptions, _clock) : new FifoJobQueue<int>(queueOptions, _clock);
        var residency = new ResidencyOptions { BudgetBytes = budgetBytes, ReserveBytes = reserveBytes, IdleTimeout = TimeSpan.FromDays(1) };
        _book = new ResidencyBook(residency, weightedLru ? PriorityWeightedLru.Instance : PlainLru.Instance, _clock);
        foreach (var model in SimulatedModel.Mix)
            _book.Register(new ModelSpec(model.Name, model.Bytes, model.Priority));
        _arrivals = arrivals;
        _loadSecondsPerGiB = loadSecondsPerGiB;
        foreach (var priority in Enum.GetValues<VisionPriority>())
            _waits[priority] = [];
    }

    public IReadOnlyDictionary<VisionPriority, List<double>> WaitsSeconds => _waits;

    /// <summary>Allocation decisions (load requests) timed with the wall clock, in Stopwatch ticks.</summary>
    public IReadOnlyList<long> DecisionTicks => _decisionTicks;

    public int Loads => _loads;

    public double SimulatedSeconds { get; private set; }

    /// <summary>The most the books had committed at any moment of the run.</summary>
    public long PeakCommittedBytes { get; private set; }

    /// <summary>Committed bytes averaged over simulated time, as a share of budget minus reserve.</summary>
    public double MemoryUtilisation => _committedByteSeconds / SimulatedSeconds / _book.CapacityBytes;

    public void Run()
    {
        var mix = SimulatedModel.Mix;
        while (_nextArrival < _arrivals.Length || _queue.Count > 0)
        {
            if (_queue.Count == 0)
                AdvanceTo(_arrivals[_nextArrival].AtTicks);
            if (_queue.Dequeue(_expired) is not { } job)
                continue;

            var model = mix[job.Payload];
            var started = Stopwatch.GetTimestamp();
            var decision = _book.RequestLoad(model.Name);
            _decisionTicks.Add(Stopwatch.GetTimestamp() - started);
            if (decision.Outcome == LoadOutcome.Admitted)
            {
                _loads++;
                AdvanceBy(model.GiB * _loadSecondsPerGiB);
                _book.CompleteLoad(model.Name, model.Bytes);
            }
            else if (decision.Outcome != LoadOutcome.AlreadyResident)
            {
                throw new InvalidOperationException($"One executor never waits for memory, but {decision} came back.");
            }

            _waits[job.Priority].Add((_clock.GetUtcNow() - job.EnqueuedAt).TotalSeconds);
            _book.Acquire(model.Name);
            AdvanceBy(model.ServiceMs / 1000);
            _book.Release(model.Name);
        }

        SimulatedSeconds = (_clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds;
    }

    private void AdvanceBy(double seconds) =>
        AdvanceTo((_clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks + (long)(seconds * TimeSpan.TicksPerSecond));

    /// <summary>Moves the clock to <paramref name="ticks"/>, enqueueing each arrival on the way at its own time.</summary>
    private void AdvanceTo(long ticks)
    {
        while (_nextArrival < _arrivals.Length && _arrivals[_nextArrival].AtTicks <= ticks)
        {
            var arrival = _arrivals[_nextArrival];
            Step(arrival.AtTicks);
            var model = SimulatedModel.Mix[arrival.Model];
            _queue.Enqueue(new QueuedJob<int>($"job-{_nextArrival}", arrival.Tenant, model.Name, model.Priority, arrival.Model));
            _nextArrival++;
        }

        Step(ticks);
    }

    private void Step(long ticks)
    {
        var now = (_clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks;
        if (ticks <= now)
            return;
        _committedByteSeconds += (double)_book.CommittedBytes * (ticks - now) / TimeSpan.TicksPerSecond;
        PeakCommittedBytes = Math.Max(PeakCommittedBytes, _book.CommittedBytes);
        _clock.SetUtcNow(DateTimeOffset.UnixEpoch.AddTicks(ticks));
    }
}

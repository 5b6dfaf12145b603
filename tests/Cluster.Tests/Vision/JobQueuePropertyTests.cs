using Cluster.Grains.Vision;
using Cluster.Grains.Vision.Queue;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cluster.Tests.Vision;

/// <summary>
/// Random mixes of enqueues (three tenants, every priority, some with deadlines), cancellations, expiry sweeps,
/// dequeues and waits against the priority queue, checking every dequeue's choice and that no job is ever lost.
/// </summary>
public sealed class JobQueuePropertyTests
{
    private static readonly TimeSpan Aging = TimeSpan.FromSeconds(1);

    public enum Step
    {
        Enqueue,
        Cancel,
        Dequeue,
        Wait,
    }

    public sealed record Operation(Step Step, VisionPriority Priority, int Tenant, int Amount);

    private static Arbitrary<Operation[]> Operations =>
        Gen.ArrayOf(
            from step in Gen.Frequency(
                (5, Gen.Constant(Step.Enqueue)),
                (1, Gen.Constant(Step.Cancel)),
                (4, Gen.Constant(Step.Dequeue)),
                (2, Gen.Constant(Step.Wait)))
            from priority in Gen.Elements(Enum.GetValues<VisionPriority>())
            from tenant in Gen.Choose(0, 2)
            from amount in Gen.Choose(0, 4000)
            select new Operation(step, priority, tenant, amount)).Resize(120).ToArbitrary();

    [Fact]
    public void Every_dequeue_takes_the_best_aged_level_in_tenant_order_and_every_job_ends_exactly_once()
    {
        Prop.ForAll(Operations, operations => new Run().Play(operations)).QuickCheckThrowOnFailure();
    }

    private sealed class Run
    {
        private readonly FakeTimeProvider _clock = new();
        private readonly PriorityJobQueue<int> _queue;
        private readonly List<QueuedJob<int>> _issued = [];
        private readonly List<QueuedJob<int>> _expired = [];
        private readonly HashSet<string> _ended = [];

        public Run() => _queue = new PriorityJobQueue<int>(new JobQueueOptions { AgingInterval = Aging }, _clock);

        public void Play(Operation[] operations)
        {
            foreach (var operation in operations)
            {
                Apply(operation);
                Assert.Equal(CountQueued(), _queue.Count);
            }

            while (Dequeue() is not null)
            {
            }

            foreach (var job in _issued)
                Assert.True(job.State != JobState.Queued && _ended.Contains(job.Id), $"{job.Id} is {job.State} and never came back");
        }

        private void Apply(Operation operation)
        {
            switch (operation.Step)
            {
                case Step.Enqueue:
                    DateTimeOffset? deadline = operation.Amount % 3 == 0 ? _clock.GetUtcNow() + TimeSpan.FromMilliseconds(operation.Amount * 2) : null;
                    var job = new QueuedJob<int>($"j{_issued.Count}", $"tenant-{operation.Tenant}", "m", operation.Priority, _issued.Count, deadline);
                    _queue.Enqueue(job);
                    _issued.Add(job);
                    break;
                case Step.Cancel when _issued.Count > 0:
                    var target = _issued[operation.Amount % _issued.Count];
                    var wasQueued = target.State == JobState.Queued;
                    Assert.Equal(wasQueued, _queue.TryCancel(target.Id, out _));
                    if (wasQueued)
                        End(target);
                    break;
                case Step.Dequeue:
                    Dequeue();
                    break;
                case Step.Wait:
                    _clock.Advance(TimeSpan.FromMilliseconds(operation.Amount));
                    break;
            }
        }

        /// <summary>Sweeps expired jobs first, so the choice can be checked against the jobs that may run.</summary>
        private QueuedJob<int>? Dequeue()
        {
            var swept = _expired.Count;
            _queue.TakeExpired(_expired);
            for (var i = swept; i < _expired.Count; i++)
            {
                Assert.True(_expired[i].IsExpired(_clock.GetUtcNow()));
                End(_expired[i]);
            }

            var afterSweep = _expired.Count;
            var now = _clock.GetUtcNow();
            var candidates = _issued.Where(j => j.State == JobState.Queued).ToList();
            var job = _queue.Dequeue(_expired);
            Assert.Equal(afterSweep, _expired.Count);
            if (job is null)
            {
                Assert.Empty(candidates);
                return null;
            }

            End(job);
            var oldestOfLevel = candidates.Where(j => j.Priority == job.Priority).MinBy(j => j.EnqueuedAt)!;
            var rank = _queue.EffectivePriority(oldestOfLevel, now);
            foreach (var other in candidates.Where(j => j.Priority != job.Priority))
            {
                var otherRank = _queue.EffectivePriority(other, now);
                Assert.True(rank < otherRank || (rank == otherRank && oldestOfLevel.EnqueuedAt <= other.EnqueuedAt),
                    $"{job.Id} ({job.Priority}, level rank {rank}) left before {other.Id} ({other.Priority}, rank {otherRank})");
            }

            Assert.DoesNotContain(candidates, j => j != job && j.Priority == job.Priority && j.Tenant == job.Tenant && j.EnqueuedAt < job.EnqueuedAt);
            return job;
        }

        private void End(QueuedJob<int> job) => Assert.True(_ended.Add(job.Id), $"{job.Id} came back twice");

        private int CountQueued() => _issued.Count(j => j.State == JobState.Queued);
    }
}

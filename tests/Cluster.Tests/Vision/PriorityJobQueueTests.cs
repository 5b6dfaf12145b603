using Cluster.Grains.Vision;
using Cluster.Grains.Vision.Queue;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cluster.Tests.Vision;

public sealed class PriorityJobQueueTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly List<QueuedJob<int>> _expired = [];
    private int _next;

    private PriorityJobQueue<int> Queue(JobQueueOptions? options = null) => new(options ?? new JobQueueOptions(), _clock);

    private QueuedJob<int> Job(VisionPriority priority, string tenant = "t", DateTimeOffset? deadline = null) =>
        new($"job-{_next++}", tenant, "resnet18", priority, _next, deadline);

    private List<string> DrainIds(IJobQueue<int> queue)
    {
        var ids = new List<string>();
        while (queue.Dequeue(_expired) is { } job)
            ids.Add(job.Id);
        return ids;
    }

    [Fact]
    public void Jobs_come_out_by_priority_and_first_in_first_out_within_a_priority()
    {
        var queue = Queue();
        var background = Job(VisionPriority.Background);
        var normal1 = Job(VisionPriority.Normal);
        var critical = Job(VisionPriority.Critical);
        var normal2 = Job(VisionPriority.Normal);
        var high = Job(VisionPriority.High);
        var low = Job(VisionPriority.Low);
        foreach (var job in new[] { background, normal1, critical, normal2, high, low })
            queue.Enqueue(job);

        Assert.Equal([critical.Id, high.Id, normal1.Id, normal2.Id, low.Id, background.Id], DrainIds(queue));
    }

    [Fact]
    public void The_fifo_baseline_ignores_priority()
    {
        var queue = new FifoJobQueue<int>(new JobQueueOptions(), _clock);
        var background = Job(VisionPriority.Background);
        var critical = Job(VisionPriority.Critical);
        queue.Enqueue(background);
        queue.Enqueue(critical);

        Assert.Equal([background.Id, critical.Id], DrainIds(queue));
    }

    [Fact]
    public void A_background_job_is_served_under_constant_critical_load_once_it_has_aged_to_critical_rank()
    {
        var queue = Queue(new JobQueueOptions { AgingInterval = TimeSpan.FromSeconds(2) });
        var background = Job(VisionPriority.Background);
        queue.Enqueue(background);
        var tick = TimeSpan.FromMilliseconds(100);

        TimeSpan? servedAfter = null;
        for (var step = 0; step < 400 && servedAfter is null; step++)
        {
            queue.Enqueue(Job(VisionPriority.Critical));
            queue.Enqueue(Job(VisionPriority.Critical));
            if (queue.Dequeue(_expired)!.Id == background.Id)
                servedAfter = _clock.GetUtcNow() - background.EnqueuedAt;
            _clock.Advance(tick);
        }

        // Nine steps of 2 s take background (10) to critical (1); then it is the oldest critical-rank job.
        Assert.Equal(TimeSpan.FromSeconds(18), servedAfter);
    }

    [Fact]
    public void Aging_improves_one_priority_number_per_interval_and_stops_at_critical()
    {
        var queue = Queue(new JobQueueOptions { AgingInterval = TimeSpan.FromSeconds(1) });
        var job = Job(VisionPriority.Low);
        queue.Enqueue(job);

        _clock.Advance(TimeSpan.FromMilliseconds(2500));
        Assert.Equal(6, queue.EffectivePriority(job, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, queue.EffectivePriority(job, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_job_past_its_deadline_is_not_run_but_reported_expired()
    {
        var queue = Queue();
        var late = Job(VisionPriority.Critical, deadline: _clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var onTime = Job(VisionPriority.Normal);
        queue.Enqueue(late);
        queue.Enqueue(onTime);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal([onTime.Id], DrainIds(queue));
        Assert.Equal([late], _expired);
        Assert.Equal(JobState.Expired, late.State);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void The_queue_timeout_bounds_a_job_without_a_deadline_and_the_sweep_takes_it_out()
    {
        var queue = Queue(new JobQueueOptions { Timeout = TimeSpan.FromSeconds(3) });
        var job = Job(VisionPriority.Background);
        queue.Enqueue(job);
        Assert.Equal(job.EnqueuedAt + TimeSpan.FromSeconds(3), job.Deadline);

        _clock.Advance(TimeSpan.FromSeconds(2));
        queue.TakeExpired(_expired);
        Assert.Empty(_expired);
        _clock.Advance(TimeSpan.FromSeconds(1));
        queue.TakeExpired(_expired);

        Assert.Equal([job], _expired);
        Assert.Equal(0, queue.CountOf(VisionPriority.Background));
        Assert.Null(queue.Dequeue(_expired));
    }

    [Fact]
    public void A_cancelled_job_is_never_dequeued_and_cannot_be_cancelled_twice()
    {
        var queue = Queue();
        var first = Job(VisionPriority.Normal);
        var cancelled = Job(VisionPriority.Normal);
        var last = Job(VisionPriority.Normal);
        queue.Enqueue(first);
        queue.Enqueue(cancelled);
        queue.Enqueue(last);

        Assert.True(queue.TryCancel(cancelled.Id, out var job));
        Assert.Same(cancelled, job);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.False(queue.TryCancel(cancelled.Id, out _));
        Assert.Equal(2, queue.Count);
        Assert.Equal([first.Id, last.Id], DrainIds(queue));
        Assert.False(queue.TryCancel(first.Id, out _));
    }

    [Fact]
    public void Tenants_at_one_priority_take_turns_so_a_flood_cannot_crowd_out_a_trickle()
    {
        var queue = Queue();
        for (var i = 0; i < 50; i++)
            queue.Enqueue(Job(VisionPriority.Normal, "flood"));
        for (var i = 0; i < 5; i++)
            queue.Enqueue(Job(VisionPriority.Normal, "trickle"));

        var firstTen = new List<string>();
        for (var i = 0; i < 10; i++)
            firstTen.Add(queue.Dequeue(_expired)!.Tenant);

        Assert.Equal(5, firstTen.Count(tenant => tenant == "trickle"));
    }

    [Fact]
    public void Tenant_shares_weight_the_turns()
    {
        var options = new JobQueueOptions { TenantShares = new() { ["gold"] = 3 } };
        var queue = Queue(options);
        for (var i = 0; i < 40; i++)
        {
            queue.Enqueue(Job(VisionPriority.Normal, "gold"));
            queue.Enqueue(Job(VisionPriority.Normal, "basic"));
        }

        var firstTwenty = new List<string>();
        for (var i = 0; i < 20; i++)
            firstTwenty.Add(queue.Dequeue(_expired)!.Tenant);

        Assert.Equal(15, firstTwenty.Count(tenant => tenant == "gold"));
    }

    [Fact]
    public void Duplicate_ids_a_full_queue_and_bad_fields_are_refused_and_change_nothing()
    {
        var queue = Queue(new JobQueueOptions { Capacity = 2 });
        var job = Job(VisionPriority.Normal);
        queue.Enqueue(job);

        Assert.Throws<DuplicateJobException>(() => queue.Enqueue(new QueuedJob<int>(job.Id, "t", "m", VisionPriority.Normal, 0)));
        queue.Enqueue(Job(VisionPriority.Normal));
        Assert.Throws<QueueFullException>(() => queue.Enqueue(Job(VisionPriority.Normal)));
        Assert.Contains("priority", Assert.Throws<ArgumentException>(() => Queue().Enqueue(Job((VisionPriority)3))).Message);
        Assert.Contains("tenant", Assert.Throws<ArgumentException>(() => Queue().Enqueue(Job(VisionPriority.Normal, " "))).Message);
        Assert.Equal(2, queue.Count);
    }
}

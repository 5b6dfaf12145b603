using Cluster.Grains.Vision;
using Cluster.Grains.Vision.Queue;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cluster.Tests.Vision;

public sealed class BatchFormerTests
{
    private readonly FakeTimeProvider _clock = new();
    private int _next;

    private BatchFormer<int> Former(int size = 4, int delayMs = 5) =>
        new(new BatchingOptions { MaxBatchSize = size, MaxDelay = TimeSpan.FromMilliseconds(delayMs) }, _clock);

    private QueuedJob<int> Job(string model) => new($"job-{_next++}", "t", model, VisionPriority.Normal, _next);

    [Fact]
    public void A_batch_is_released_as_soon_as_it_holds_the_maximum_number_of_jobs_in_order()
    {
        var former = Former(size: 4);
        var jobs = new[] { Job("a"), Job("a"), Job("a"), Job("a") };

        Assert.Null(former.Add(jobs[0]));
        Assert.Null(former.Add(jobs[1]));
        Assert.Null(former.Add(jobs[2]));
        var batch = former.Add(jobs[3]);

        Assert.Equal(jobs, batch);
        Assert.Equal(0, former.PendingCount);
        Assert.Null(former.NextDueAt);
    }

    [Fact]
    public void A_partial_batch_is_released_once_its_first_job_has_waited_the_maximum_delay()
    {
        var former = Former(size: 8, delayMs: 5);
        var start = _clock.GetUtcNow();
        former.Add(Job("a"));
        _clock.Advance(TimeSpan.FromMilliseconds(3));
        former.Add(Job("a"));
        var due = new List<QueuedJob<int>[]>();

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        former.TakeDue(due);
        Assert.Empty(due);
        Assert.Equal(start + TimeSpan.FromMilliseconds(5), former.NextDueAt);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        former.TakeDue(due);
        Assert.Equal(2, Assert.Single(due).Length);
    }

    [Fact]
    public void Jobs_of_different_models_never_share_a_batch()
    {
        var former = Former(size: 2);

        Assert.Null(former.Add(Job("a")));
        Assert.Null(former.Add(Job("b")));
        var batch = former.Add(Job("a"));

        Assert.All(batch!, job => Assert.Equal("a", job.Model));
        Assert.Equal(1, former.PendingCount);
    }

    [Fact]
    public void A_model_limit_of_one_releases_every_job_alone()
    {
        var former = Former(size: 8);
        former.SetLimit("fixed", 1);

        Assert.Single(former.Add(Job("fixed"))!);
    }

    [Fact]
    public void A_held_job_can_be_cancelled_and_is_not_released()
    {
        var former = Former(size: 8);
        var kept = Job("a");
        var cancelled = Job("a");
        former.Add(kept);
        former.Add(cancelled);

        Assert.True(former.TryCancel(cancelled.Id, out _));
        Assert.False(former.TryCancel(cancelled.Id, out _));
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        var due = new List<QueuedJob<int>[]>();
        former.TakeDue(due);

        Assert.Equal([kept], Assert.Single(due));
    }
}

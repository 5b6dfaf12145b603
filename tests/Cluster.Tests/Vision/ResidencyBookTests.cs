using Cluster.Grains.Vision;
using Cluster.Grains.Vision.Residency;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cluster.Tests.Vision;

public sealed class ResidencyBookTests
{
    private const long Mb = 1024 * 1024;

    private readonly FakeTimeProvider _clock = new();

    private ResidencyBook Book(IEvictionPolicy? policy = null, long budget = 1000 * Mb, long reserve = 100 * Mb) =>
        new(new ResidencyOptions { BudgetBytes = budget, ReserveBytes = reserve, IdleTimeout = TimeSpan.FromMinutes(1) }, policy ?? PriorityWeightedLru.Instance, _clock);

    private static void Load(ResidencyBook book, string name)
    {
        var decision = book.RequestLoad(name);
        Assert.Equal(LoadOutcome.Admitted, decision.Outcome);
        Assert.True(book.CompleteLoad(name, book.Find(name)!.Bytes).Kept);
    }

    [Fact]
    public void A_load_that_fits_is_admitted_and_committed_while_it_loads()
    {
        var book = Book();
        book.Register(new ModelSpec("a", 300 * Mb, VisionPriority.Normal));

        var decision = book.RequestLoad("a");

        Assert.Equal(LoadOutcome.Admitted, decision.Outcome);
        Assert.Empty(decision.Evicted);
        Assert.Equal(ResidencyState.Loading, book.Find("a")!.State);
        Assert.Equal(300 * Mb, book.CommittedBytes);
        Assert.Equal(900 * Mb, book.CapacityBytes);
    }

    [Fact]
    public void Concurrent_requests_for_a_loading_model_share_its_one_load()
    {
        var book = Book();
        book.Register(new ModelSpec("a", 300 * Mb, VisionPriority.Normal));

        Assert.Equal(LoadOutcome.Admitted, book.RequestLoad("a").Outcome);
        Assert.Equal(LoadOutcome.AlreadyLoading, book.RequestLoad("a").Outcome);
        Assert.Equal(LoadOutcome.AlreadyLoading, book.RequestLoad("a").Outcome);
        Assert.Equal(300 * Mb, book.CommittedBytes);
        book.CompleteLoad("a", 280 * Mb);
        Assert.Equal(LoadOutcome.AlreadyResident, book.RequestLoad("a").Outcome);
        Assert.Equal(280 * Mb, book.CommittedBytes);
    }

    [Fact]
    public void Weighted_lru_evicts_a_background_model_before_a_critical_one_idle_longer()
    {
        var book = Book();
        book.Register(new ModelSpec("critical", 400 * Mb, VisionPriority.Critical));
        book.Register(new ModelSpec("background", 400 * Mb, VisionPriority.Background));
        book.Register(new ModelSpec("new", 400 * Mb, VisionPriority.Normal));
        Load(book, "critical");
        _clock.Advance(TimeSpan.FromSeconds(5));
        Load(book, "background");

        var decision = book.RequestLoad("new");

        // critical: (5 + 1) × 1 = 6; background: (0 + 1) × 10 = 10.
        Assert.Equal(LoadOutcome.Admitted, decision.Outcome);
        Assert.Equal(["background"], decision.Evicted);
        Assert.Equal(ResidencyState.Resident, book.Find("critical")!.State);
    }

    [Fact]
    public void Plain_lru_evicts_the_least_recently_used_whatever_its_priority()
    {
        var book = Book(PlainLru.Instance);
        book.Register(new ModelSpec("critical", 400 * Mb, VisionPriority.Critical));
        book.Register(new ModelSpec("background", 400 * Mb, VisionPriority.Background));
        book.Register(new ModelSpec("new", 400 * Mb, VisionPriority.Normal));
        Load(book, "critical");
        _clock.Advance(TimeSpan.FromSeconds(5));
        Load(book, "background");

        Assert.Equal(["critical"], book.RequestLoad("new").Evicted);
    }

    [Fact]
    public void Pinned_and_in_use_models_are_never_evicted_so_the_load_waits_until_a_release()
    {
        var book = Book();
        book.Register(new ModelSpec("pinned", 400 * Mb, VisionPriority.Background, Pinned: true));
        book.Register(new ModelSpec("busy", 400 * Mb, VisionPriority.Background));
        book.Register(new ModelSpec("new", 400 * Mb, VisionPriority.Normal));
        Load(book, "pinned");
        Load(book, "busy");
        book.Acquire("busy");

        Assert.Equal(LoadOutcome.Waiting, book.RequestLoad("new").Outcome);
        Assert.Equal(LoadOutcome.Waiting, book.RequestLoad("new").Outcome);
        Assert.Equal(1, book.WaitingCount);

        var admitted = book.Release("busy");

        var decision = Assert.Single(admitted);
        Assert.Equal("new", decision.Model);
        Assert.Equal(LoadOutcome.Admitted, decision.Outcome);
        Assert.Equal(["busy"], decision.Evicted);
        Assert.Equal(ResidencyState.Resident, book.Find("pinned")!.State);
        Assert.True(book.CommittedBytes <= book.CapacityBytes);
    }

    [Fact]
    public void A_model_larger_than_the_capacity_is_refused_with_the_figures()
    {
        var book = Book();
        book.Register(new ModelSpec("huge", 950 * Mb, VisionPriority.Critical));

        var decision = book.RequestLoad("huge");

        Assert.Equal(LoadOutcome.Refused, decision.Outcome);
        Assert.Contains("budget minus reserve", decision.Reason);
        Assert.Equal(0, book.CommittedBytes);
    }

    [Fact]
    public void A_model_that_cannot_fit_beside_pinned_models_is_refused_naming_the_pins()
    {
        var book = Book();
        book.Register(new ModelSpec("pinned", 600 * Mb, VisionPriority.Normal, Pinned: true));
        book.Register(new ModelSpec("big", 400 * Mb, VisionPriority.Normal));
        Load(book, "pinned");

        var decision = book.RequestLoad("big");

        Assert.Equal(LoadOutcome.Refused, decision.Outcome);
        Assert.Contains("unpin", decision.Reason);
    }

    [Fact]
    public void A_footprint_measured_above_its_estimate_evicts_to_stay_within_capacity()
    {
        var book = Book();
        book.Register(new ModelSpec("old", 400 * Mb, VisionPriority.Low));
        book.Register(new ModelSpec("new", 400 * Mb, VisionPriority.Normal));
        Load(book, "old");
        Assert.Equal(LoadOutcome.Admitted, book.RequestLoad("new").Outcome);

        var completion = book.CompleteLoad("new", 700 * Mb);

        Assert.True(completion.Kept);
        Assert.Equal(["old"], completion.Evicted);
        Assert.Equal(700 * Mb, book.CommittedBytes);
    }

    [Fact]
    public void A_footprint_measured_too_large_to_fit_is_dropped_from_the_books()
    {
        var book = Book();
        book.Register(new ModelSpec("busy", 400 * Mb, VisionPriority.Low));
        book.Register(new ModelSpec("new", 400 * Mb, VisionPriority.Normal));
        Load(book, "busy");
        book.Acquire("busy");
        book.RequestLoad("new");

        var completion = book.CompleteLoad("new", 700 * Mb);

        Assert.False(completion.Kept);
        Assert.Contains($"measured {700 * Mb} bytes", completion.Reason);
        Assert.Equal(ResidencyState.Absent, book.Find("new")!.State);
        Assert.Equal(700 * Mb, book.Find("new")!.Bytes);
        Assert.Equal(400 * Mb, book.CommittedBytes);
    }

    [Fact]
    public void Idle_models_past_the_timeout_are_reported_but_pinned_and_in_use_ones_are_not()
    {
        var book = Book();
        book.Register(new ModelSpec("idle", 100 * Mb, VisionPriority.Normal));
        book.Register(new ModelSpec("pinned", 100 * Mb, VisionPriority.Normal, Pinned: true));
        book.Register(new ModelSpec("busy", 100 * Mb, VisionPriority.Normal));
        book.Register(new ModelSpec("recent", 100 * Mb, VisionPriority.Normal));
        Load(book, "idle");
        Load(book, "pinned");
        Load(book, "busy");
        book.Acquire("busy");
        _clock.Advance(TimeSpan.FromSeconds(50));
        Load(book, "recent");
        _clock.Advance(TimeSpan.FromSeconds(15));

        var idle = new List<string>();
        book.CollectIdle(idle);

        Assert.Equal(["idle"], idle);
    }

    [Fact]
    public void Unloading_a_pinned_or_busy_or_loading_model_is_refused_and_changes_nothing()
    {
        var book = Book();
        book.Register(new ModelSpec("pinned", 100 * Mb, VisionPriority.Normal, Pinned: true));
        book.Register(new ModelSpec("busy", 100 * Mb, VisionPriority.Normal));
        book.Register(new ModelSpec("loading", 100 * Mb, VisionPriority.Normal));
        Load(book, "pinned");
        Load(book, "busy");
        book.Acquire("busy");
        book.RequestLoad("loading");

        Assert.Contains("unpin", Assert.Throws<ResidencyConflictException>(() => book.Unload("pinned")).Message);
        Assert.Contains("running", Assert.Throws<ResidencyConflictException>(() => book.Unload("busy")).Message);
        Assert.Contains("loading", Assert.Throws<ResidencyConflictException>(() => book.Unload("loading")).Message);
        Assert.Equal(300 * Mb, book.CommittedBytes);

        book.Unpin("pinned");
        book.Unload("pinned");
        Assert.Equal(200 * Mb, book.CommittedBytes);
    }

    [Fact]
    public void Unknown_models_and_jobs_on_absent_models_are_refused_with_what_to_do()
    {
        var book = Book();
        book.Register(new ModelSpec("a", 100 * Mb, VisionPriority.Normal));

        Assert.Contains("not in the catalogue", Assert.Throws<UnknownModelException>(() => book.RequestLoad("nope")).Message);
        Assert.Contains("request a load", Assert.Throws<ResidencyConflictException>(() => book.Acquire("a")).Message);
        Assert.Contains("bytes", Assert.Throws<ArgumentException>(() => book.Register(new ModelSpec("b", 0, VisionPriority.Normal))).Message);
    }

    [Fact]
    public void Unloading_a_waiting_model_withdraws_its_load_and_a_failed_load_frees_its_bytes_for_the_next()
    {
        var book = Book();
        book.Register(new ModelSpec("busy", 500 * Mb, VisionPriority.Normal));
        book.Register(new ModelSpec("first", 500 * Mb, VisionPriority.Normal));
        book.Register(new ModelSpec("second", 400 * Mb, VisionPriority.Normal));
        Load(book, "busy");
        book.Acquire("busy");
        Assert.Equal(LoadOutcome.Admitted, book.RequestLoad("second").Outcome);
        Assert.Equal(LoadOutcome.Waiting, book.RequestLoad("first").Outcome);

        book.Unload("first");
        Assert.Equal(0, book.WaitingCount);
        Assert.Equal(ResidencyState.Absent, book.Find("first")!.State);

        Assert.Equal(LoadOutcome.Waiting, book.RequestLoad("first").Outcome);
        Assert.Empty(book.FailLoad("second"));
        Assert.Equal(ResidencyState.Waiting, book.Find("first")!.State);
        var admitted = Assert.Single(book.Release("busy"));
        Assert.Equal(("first", LoadOutcome.Admitted), (admitted.Model, admitted.Outcome));
    }

    [Fact]
    public void A_waiting_load_that_a_new_pin_makes_impossible_is_refused_when_memory_frees()
    {
        var book = Book();
        book.Register(new ModelSpec("anchor", 500 * Mb, VisionPriority.Normal));
        book.Register(new ModelSpec("busy", 300 * Mb, VisionPriority.Normal));
        book.Register(new ModelSpec("big", 500 * Mb, VisionPriority.Normal));
        Load(book, "anchor");
        book.Acquire("anchor");
        Load(book, "busy");
        book.Acquire("busy");
        Assert.Equal(LoadOutcome.Waiting, book.RequestLoad("big").Outcome);

        book.Pin("anchor");
        Assert.Empty(book.Release("anchor"));
        var decision = Assert.Single(book.Release("busy"));

        Assert.Equal(LoadOutcome.Refused, decision.Outcome);
        Assert.Contains("unpin", decision.Reason);
        Assert.Equal(ResidencyState.Absent, book.Find("big")!.State);
    }

    [Fact]
    public void Options_out_of_range_are_named_at_start_up()
    {
        var options = new ResidencyOptions { BudgetBytes = 100, ReserveBytes = 100 };

        var error = Assert.Throws<VisionOptionsException>(() => options.Validate("Cluster:Vision:Residency"));

        Assert.Equal("Cluster:Vision:Residency:ReserveBytes", error.Key);
    }
}

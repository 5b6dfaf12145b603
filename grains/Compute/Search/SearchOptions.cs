namespace Cluster.Grains.Compute.Search;

/// <summary>Budget and policy of a game search.</summary>
public sealed record SearchOptions
{
    /// <summary>Iterations used when neither an iteration nor a time budget is given.</summary>
    public const int DefaultIterations = 10_000;

    /// <summary>Largest accepted iteration budget.</summary>
    public const int MaxIterations = 50_000_000;

    /// <summary>Largest accepted time budget in milliseconds.</summary>
    public const int MaxTimeLimitMs = 10_000;

    /// <summary>Largest accepted number of root-parallel workers.</summary>
    public const int MaxWorkers = 256;

    /// <summary>Tree policy.</summary>
    public SearchAlgorithm Algorithm { get; init; } = SearchAlgorithm.Uct;

    /// <summary>Playout policy.</summary>
    public PlayoutKind Playout { get; init; } = PlayoutKind.Random;

    /// <summary>Total simulations over all workers (split evenly, the first workers taking the remainder).
    /// Null: unbounded when <see cref="TimeLimitMs"/> is set, otherwise <see cref="DefaultIterations"/>.</summary>
    public int? Iterations { get; init; }

    /// <summary>Wall-clock budget; the search stops at whichever budget runs out first.</summary>
    public int? TimeLimitMs { get; init; }

    /// <summary>Independent trees searched in parallel (root parallelism) and merged by visit counts.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Seed; the same seed and iteration budget give the same result. Null: a fresh random seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>UCB1 exploration constant c (UCT only); rewards are in [0, 1], so √2 is the textbook value.</summary>
    public double Exploration { get; init; } = Math.Sqrt(2);

    /// <summary>Back up finished games as proofs (MCTS-Solver): proven moves are chosen at once, proven losses are no
    /// longer searched, and the search stops when the root's outcome is proven. Off: plain Monte Carlo statistics.</summary>
    public bool ProveOutcomes { get; init; } = true;

    /// <summary>Nodes reached by different move orders share one set of statistics, so what is learnt about a position
    /// through one order informs the others. Off by default: on Connect Four it costs about a third of the iterations
    /// per second for no measurable gain in strength at an equal iteration budget (docs/PERFORMANCE.md).</summary>
    public bool ShareTranspositions { get; init; }

    /// <summary>Throws <see cref="SearchValidationException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (Iterations is < 1 or > MaxIterations)
        {
            throw new SearchValidationException("iterations", $"iterations must be between 1 and {MaxIterations:N0}; got {Iterations}.");
        }

        if (TimeLimitMs is < 1 or > MaxTimeLimitMs)
        {
            throw new SearchValidationException("timeLimitMs", $"timeLimitMs must be between 1 and {MaxTimeLimitMs:N0}; got {TimeLimitMs}.");
        }

        if (Workers is < 1 or > MaxWorkers)
        {
            throw new SearchValidationException("workers", $"workers must be between 1 and {MaxWorkers}; got {Workers}.");
        }

        if (!double.IsFinite(Exploration) || Exploration < 0)
        {
            throw new SearchValidationException("exploration", $"exploration must be a finite number ≥ 0; got {Exploration}.");
        }

        if (!Enum.IsDefined(Algorithm))
        {
            throw new SearchValidationException("algorithm", $"Unknown algorithm {Algorithm}.");
        }

        if (!Enum.IsDefined(Playout))
        {
            throw new SearchValidationException("playout", $"Unknown playout {Playout}.");
        }
    }

    /// <summary>Iterations worker <paramref name="workerIndex"/> runs; <see cref="long.MaxValue"/> when only the clock limits it.</summary>
    internal long WorkerIterations(int workerIndex)
    {
        if (Iterations is not { } total)
        {
            return TimeLimitMs is null ? Share(DefaultIterations, workerIndex) : long.MaxValue;
        }

        return Share(total, workerIndex);
    }

    private long Share(int total, int workerIndex) => total / Workers + (workerIndex < total % Workers ? 1 : 0);
}

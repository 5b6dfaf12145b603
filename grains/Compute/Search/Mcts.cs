using System.Diagnostics;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search.Games;
using Cluster.Grains.Compute.Search.Randomness;
using Cluster.Grains.Compute.Search.Trees;

namespace Cluster.Grains.Compute.Search;

/// <summary>
/// Monte Carlo tree search (UCT or AB-MCTS) over any <see cref="ITacticalGameState{TState}"/> game, with root
/// parallelism: worker i searches its own tree seeded with <see cref="SeedSequence.Derive"/>(seed, i), and the
/// root statistics are merged by <see cref="SearchResult.Merge"/>. Running the workers here on threads or one by
/// one elsewhere with <see cref="SearchWorker{TState}"/> gives the same merged result for the same seed and
/// iteration budget.
/// </summary>
public static class Mcts
{
    /// <summary>Runs all <see cref="SearchOptions.Workers"/> workers in parallel and merges them.</summary>
    /// <exception cref="SearchValidationException">Invalid options.</exception>
    /// <exception cref="FinishedGameException">The game is already over in <paramref name="root"/>.</exception>
    public static SearchResult Search<TState>(in TState root, SearchOptions options, CancellationToken cancellation = default)
        where TState : struct, ITacticalGameState<TState>
    {
        Validate(root, options);
        var started = Stopwatch.GetTimestamp();
        var seed = options.Seed ?? SeedSequence.Fresh();
        var deadline = Deadline(options, started);
        if (options.Workers == 1)
        {
            var single = RunWorker(root, options, 0, seed, deadline, cancellation);
            return single with { ElapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
        }

        var parts = new SearchResult[options.Workers];
        var position = root;
        var helpers = new Task[options.Workers - 1];
        for (var i = 1; i < options.Workers; i++)
        {
            var worker = i;
            // Dedicated threads: a search is long CPU work that must not starve the shared thread pool.
            helpers[i - 1] = Task.Factory.StartNew(
                () => parts[worker] = RunWorker(position, options, worker, seed, deadline, cancellation),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        parts[0] = RunWorker(position, options, 0, seed, deadline, cancellation);
        Task.WaitAll(helpers, CancellationToken.None);
        return SearchResult.Merge(parts) with { ElapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
    }

    /// <summary>
    /// Runs only worker <paramref name="workerIndex"/> of a root-parallel search with <see cref="SearchOptions.Workers"/>
    /// workers: its derived seed and its share of the iterations. Merge the parts with <see cref="SearchResult.Merge"/>.
    /// With no seed, each call draws its own fresh one.
    /// </summary>
    public static SearchResult SearchWorker<TState>(in TState root, SearchOptions options, int workerIndex, CancellationToken cancellation = default)
        where TState : struct, ITacticalGameState<TState>
    {
        Validate(root, options);
        if ((uint)workerIndex >= (uint)options.Workers)
        {
            throw new SearchValidationException("workerIndex", $"workerIndex must be between 0 and {options.Workers - 1}; got {workerIndex}.");
        }

        var started = Stopwatch.GetTimestamp();
        return RunWorker(root, options, workerIndex, options.Seed ?? SeedSequence.Fresh(), Deadline(options, started), cancellation);
    }

    /// <summary>Checks the options and that <paramref name="root"/> still has a move to search for.</summary>
    /// <exception cref="SearchValidationException">Invalid options.</exception>
    /// <exception cref="FinishedGameException">The game is already over.</exception>
    public static void Validate<TState>(in TState root, SearchOptions options)
        where TState : struct, ITacticalGameState<TState>
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (root.IsTerminal)
        {
            var winner = -1;
            for (var player = 0; player < TState.PlayerCount; player++)
            {
                if (root.Reward(player) == 1.0)
                {
                    winner = player;
                }
            }

            throw new FinishedGameException(
                winner,
                winner < 0 ? "The game is already over (a draw): there is no move to search for."
                           : $"The game is already over (player {winner} won): there is no move to search for.");
        }
    }

    private static long Deadline(SearchOptions options, long started)
        => options.TimeLimitMs is { } ms ? started + ms * Stopwatch.Frequency / 1000 : long.MaxValue;

    private static SearchResult RunWorker<TState>(
        in TState root, SearchOptions options, int workerIndex, ulong seed, long deadline, CancellationToken cancellation)
        where TState : struct, ITacticalGameState<TState>
    {
        var iterations = options.WorkerIterations(workerIndex);
        var workerSeed = SeedSequence.Derive(seed, workerIndex);
        return (options.Algorithm, options.Playout) switch
        {
            (SearchAlgorithm.Uct, PlayoutKind.Random) => GameTreeSearch.Run(
                root, new RandomPlayout<TState>(), new UcbSelection(options.Exploration), iterations, deadline, workerSeed, options.ProveOutcomes, options.ShareTranspositions, cancellation),
            (SearchAlgorithm.Uct, _) => GameTreeSearch.Run(
                root, new HeuristicPlayout<TState>(), new UcbSelection(options.Exploration), iterations, deadline, workerSeed, options.ProveOutcomes, options.ShareTranspositions, cancellation),
            (_, PlayoutKind.Random) => GameTreeSearch.Run(
                root, new RandomPlayout<TState>(), new ThompsonSelection(), iterations, deadline, workerSeed, options.ProveOutcomes, options.ShareTranspositions, cancellation),
            _ => GameTreeSearch.Run(
                root, new HeuristicPlayout<TState>(), new ThompsonSelection(), iterations, deadline, workerSeed, options.ProveOutcomes, options.ShareTranspositions, cancellation),
        };
    }
}

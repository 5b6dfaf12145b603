namespace Cluster.Grains.Compute;

/// <summary>
/// Where the compute grains run their engines: a search holds a core for up to seconds, and on a thread of its own
/// it leaves the thread pool free for requests and grain turns.
/// </summary>
internal static class DedicatedThread
{
    public static Task<T> Run<T>(Func<T> work)
        => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}

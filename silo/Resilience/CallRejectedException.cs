using Orleans;

namespace Cluster.Silo.Resilience;

/// <summary>
/// A grain's call to another grain was rejected unprocessed for as long as <see cref="RejectedCallRetryFilter"/> sends
/// it again, typically because the silos that host the target are all stopping. The inner call did not run; the
/// grain's own call did, so it is reported as this type rather than as a rejection, which callers further up would
/// send again. Retry once the cluster has silos that are not stopping.
/// </summary>
[GenerateSerializer]
[Alias("CallRejectedException")]
public sealed class CallRejectedException(string message) : Exception(message);

using Xunit;

namespace Cluster.Tests;

/// <summary>
/// Tests that assert detection and failover times. They run after the parallel part of the suite, one at a time, so a
/// loaded machine cannot starve the Redis client's or the silo processes' timers and turn a timing promise into noise.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing-sensitive";
}

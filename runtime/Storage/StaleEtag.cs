namespace Cluster.Runtime.Storage;

/// <summary>Builds the conflict error every provider throws, so the message reads the same whatever the store.</summary>
internal static class StaleEtag
{
    public static InconsistentStateException Conflict(string operation, GrainId grainId, string stateName, string? expected, string? current) =>
        new($"{operation} of state '{stateName}' of {grainId} was rejected: it expected ETag '{expected ?? "(none)"}' but storage holds " +
            $"'{current ?? "(none)"}'. Another activation changed the state; nothing was written. Reactivate the grain to read the current state.",
            expected, current);
}

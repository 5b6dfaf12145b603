using System.Collections.Concurrent;
using System.Globalization;

namespace Cluster.Runtime.Storage;

/// <summary>
/// Grain state in this process's memory: the embedded default and unit tests. Payloads are stored serialized,
/// so no activation ever shares an object with storage; ETags come from one counter and are never reused.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), Entry> _records = new();
    private long _nextEtag;

    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue((grainId, stateName), out var e) ? new StoredState(e.Payload, e.Etag) : null);

    public Task<string> WriteAsync(GrainId grainId, string stateName, byte[] payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        var key = (grainId, stateName);
        var next = new Entry(payload, Interlocked.Increment(ref _nextEtag).ToString(CultureInfo.InvariantCulture));
        if (expectedEtag is null)
        {
            if (!_records.TryAdd(key, next))
                throw StaleEtag.Conflict("Write", grainId, stateName, null, Current(key));
            return Task.FromResult(next.Etag);
        }
        if (!_records.TryGetValue(key, out var current) || current.Etag != expectedEtag || !_records.TryUpdate(key, next, current))
            throw StaleEtag.Conflict("Write", grainId, stateName, expectedEtag, Current(key));
        return Task.FromResult(next.Etag);
    }

    public Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken)
    {
        var key = (grainId, stateName);
        if (expectedEtag is null)
        {
            if (_records.ContainsKey(key))
                throw StaleEtag.Conflict("Clear", grainId, stateName, null, Current(key));
            return Task.CompletedTask;
        }
        if (!_records.TryGetValue(key, out var current) || current.Etag != expectedEtag
            || !_records.TryRemove(new KeyValuePair<(GrainId, string), Entry>(key, current)))
            throw StaleEtag.Conflict("Clear", grainId, stateName, expectedEtag, Current(key));
        return Task.CompletedTask;
    }

    private string? Current((GrainId, string) key) => _records.TryGetValue(key, out var e) ? e.Etag : null;

    private sealed record Entry(byte[] Payload, string Etag);
}

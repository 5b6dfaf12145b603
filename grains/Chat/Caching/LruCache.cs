namespace Cluster.Grains.Chat.Caching;

/// <summary>A bounded least-recently-used map with per-entry expiry: the cache's tier when Redis is absent or down.</summary>
public sealed class LruCache(int capacity, TimeProvider clock)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _gate = new();

    public byte[]? Get(string key)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node))
                return null;
            if (node.Value.Expires <= now)
            {
                _order.Remove(node);
                _map.Remove(key);
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Value;
        }
    }

    public void Set(string key, byte[] value, TimeSpan ttl)
    {
        var entry = new Entry(key, value, clock.GetUtcNow() + ttl);
        lock (_gate)
        {
            if (_map.Remove(key, out var old))
                _order.Remove(old);
            _map[key] = _order.AddFirst(entry);
            while (_map.Count > capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }

    private sealed record Entry(string Key, byte[] Value, DateTimeOffset Expires);
}

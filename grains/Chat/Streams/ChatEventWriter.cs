using System.Text.Json;

namespace Cluster.Grains.Chat.Streams;

/// <summary>Appends one message's events with consecutive ids, each acknowledged by the store before the next.</summary>
public sealed class ChatEventWriter(IChatEventStore store, string stream, long lastId = 0)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public long LastId { get; private set; } = lastId;

    public async Task AppendAsync<T>(string type, T payload)
    {
        var chatEvent = new ChatEvent(LastId + 1, type, JsonSerializer.Serialize(payload, Json));
        // Not cancellable: a stop must still be able to write the event that ends the stream.
        await store.AppendAsync(stream, chatEvent, CancellationToken.None).ConfigureAwait(false);
        LastId = chatEvent.Id;
    }
}

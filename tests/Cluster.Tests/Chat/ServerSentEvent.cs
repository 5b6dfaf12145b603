using System.Text.Json;

namespace Cluster.Tests.Chat;

/// <summary>One event read off a text/event-stream response.</summary>
public sealed record ServerSentEvent(long Id, string Type, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    /// <summary>Reads events until the stream ends or <paramref name="max"/> were read.</summary>
    public static async Task<List<ServerSentEvent>> ReadAsync(Stream body, int max = int.MaxValue)
    {
        var events = new List<ServerSentEvent>();
        using var reader = new StreamReader(body);
        long id = 0;
        string? type = null;
        string? data = null;
        while (events.Count < max && await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (type is not null)
                    events.Add(new ServerSentEvent(id, type, data ?? ""));
                (type, data) = (null, null);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
                id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
                type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = line[6..];
        }

        return events;
    }
}

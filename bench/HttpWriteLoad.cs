using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Cluster.Bench;

/// <summary>
/// Steady writes through the gateway's HTTP API for the scale-out mode: callers that each write a subsystem of actor
/// after actor of their own share without pause, recording every call in the phase it started in. A write counts as
/// acknowledged when the gateway answers 200 with the actor's new version.
/// </summary>
internal sealed class HttpWriteLoad : IPhasedLoad
{
    private const string Items = """
        {"primary": [{"dimension": "strength", "bucket": "FLAT", "value": 40, "system": "items"}],
         "derived": [], "caps": [], "context": {}, "meta": {"system": "items"}}
        """;

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(Items);

    private readonly HttpClient _http;
    private readonly string[] _paths;
    private readonly long[] _acknowledged;
    private readonly Task[] _callers;
    private HandOverPhase _phase;
    private volatile bool _stopping;

    public HttpWriteLoad(HttpClient http, string[] actors, int callers)
    {
        _http = http;
        _paths = new string[actors.Length];
        for (var i = 0; i < actors.Length; i++)
            _paths[i] = $"/api/v1/actors/{actors[i]}/subsystems/items";
        _acknowledged = new long[actors.Length];
        _phase = new HandOverPhase("warm-up", actors.Length);
        _callers = new Task[callers];
        for (var c = 0; c < callers; c++)
            _callers[c] = CallerAsync(c);
    }

    /// <summary>Writes acknowledged to each actor so far.</summary>
    public long[] Acknowledged => _acknowledged;

    /// <summary>Calls that start from now on belong to <paramref name="phase"/>.</summary>
    public void Enter(HandOverPhase phase) => Interlocked.Exchange(ref _phase, phase).End();

    public async Task StopAsync()
    {
        _stopping = true;
        Volatile.Read(ref _phase).End();
        await Task.WhenAll(_callers);
    }

    private async Task CallerAsync(int index)
    {
        await Task.Yield();
        var first = (int)((long)index * _paths.Length / _callers.Length);
        var end = (int)((long)(index + 1) * _paths.Length / _callers.Length);
        var a = first;
        while (!_stopping)
        {
            var phase = Volatile.Read(ref _phase);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(Body);
                content.Headers.ContentType = Json;
                using var response = await _http.PutAsync(_paths[a], content);
                if (!response.IsSuccessStatusCode)
                    throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                using var answer = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                answer.RootElement.GetProperty("version").GetInt64();
                Interlocked.Increment(ref _acknowledged[a]);
                phase.Answered(a, Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException)
            {
                // A failed write is counted and the caller moves on, as a game server would retry it later.
                phase.Failed(e, Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }

            if (++a == end)
                a = first;
        }
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cluster.Grains.Knowledge.Search.Rerank;

/// <summary>
/// Calls a Jina/Cohere-style rerank endpoint (also served by vLLM, Infinity and TEI):
/// <c>POST {model, query, documents, top_n}</c> answered by <c>{results: [{index, relevance_score}]}</c>.
/// </summary>
public sealed class HttpReranker : IReranker
{
    private readonly HttpClient _http;
    private readonly RerankSettings _settings;

    /// <summary>Uses <paramref name="http"/> (from an HttpClientFactory) for <paramref name="settings"/>' endpoint.</summary>
    public HttpReranker(HttpClient http, RerankSettings settings)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _http = http;
        _settings = settings;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RerankResult>> RerankAsync(
        string query, IReadOnlyList<string> documents, int topN, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return [];
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, _settings.Endpoint)
        {
            Content = JsonContent.Create(new RerankRequest(_settings.Model, query, documents, Math.Min(topN, documents.Count))),
        };
        if (!string.IsNullOrEmpty(_settings.ApiKey))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _settings.ApiKey);
        }

        using var response = await _http.SendAsync(message, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            throw new RerankException(
                $"The rerank endpoint {_settings.Endpoint} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }

        RerankResponse? parsed;
        try
        {
            parsed = await response.Content.ReadFromJsonAsync<RerankResponse>(cancellation).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new RerankException($"The rerank endpoint {_settings.Endpoint} answered JSON without results[].index/relevance_score.", e);
        }

        if (parsed?.Results is null)
        {
            throw new RerankException($"The rerank endpoint {_settings.Endpoint} answered without a results array.");
        }

        var results = new List<RerankResult>(parsed.Results.Count);
        foreach (var item in parsed.Results)
        {
            if (item.Index < 0 || item.Index >= documents.Count)
            {
                throw new RerankException($"The rerank endpoint {_settings.Endpoint} answered index {item.Index} for {documents.Count} documents.");
            }

            results.Add(new RerankResult(item.Index, item.RelevanceScore));
        }

        results.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        return results;
    }

    private sealed record RerankRequest(
        [property: JsonPropertyName("model"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model,
        [property: JsonPropertyName("query")] string Query,
        [property: JsonPropertyName("documents")] IReadOnlyList<string> Documents,
        [property: JsonPropertyName("top_n")] int TopN);

    private sealed record RerankResponse([property: JsonPropertyName("results")] IReadOnlyList<RerankItem>? Results);

    private sealed record RerankItem(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("relevance_score")] double RelevanceScore);
}

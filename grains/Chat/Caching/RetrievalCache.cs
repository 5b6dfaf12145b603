using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Grains.Chat.Caching;

/// <summary>
/// Search results keyed by (knowledge base, its version, the request): a version that moved is a different key, so a
/// changed knowledge base is never answered from an older search.
/// </summary>
public sealed class RetrievalCache(TieredCache cache)
{
    private const string Kind = "retrieval";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<KnowledgeSearchResponse> GetOrSearchAsync(string knowledgeBaseId, long version, KnowledgeSearchRequest request,
        Func<KnowledgeSearchRequest, Task<KnowledgeSearchResponse>> search)
    {
        var key = KeyOf(knowledgeBaseId, version, request);
        if (await cache.GetAsync(key, Kind).ConfigureAwait(false) is { } stored)
            return JsonSerializer.Deserialize<KnowledgeSearchResponse>(stored, Json)!;
        var response = await search(request).ConfigureAwait(false);
        // Stored under the version searched, which is newer than the one asked for when the base moved meanwhile.
        await cache.SetAsync(KeyOf(knowledgeBaseId, response.Version, request), JsonSerializer.SerializeToUtf8Bytes(response, Json)).ConfigureAwait(false);
        return response;
    }

    /// <summary>The request's every parameter goes into the key, hashed so long queries make short keys.</summary>
    public static string KeyOf(string knowledgeBaseId, long version, KnowledgeSearchRequest request)
    {
        var parameters = new StringBuilder()
            .Append(request.Query).Append('\u001f')
            .Append(request.TopK.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(request.Mode.ToString()).Append('\u001f')
            .Append(request.Threshold?.ToString("R", CultureInfo.InvariantCulture)).Append('\u001f');
        if (request.Filter is { } filter)
        {
            foreach (var document in filter.DocumentIds ?? [])
                parameters.Append(document).Append('\u001e');
            parameters.Append('\u001f');
            var pairs = new List<string>();
            foreach (var (name, value) in filter.Metadata ?? new Dictionary<string, string>())
                pairs.Add(name + "\u001d" + value);
            pairs.Sort(StringComparer.Ordinal);
            foreach (var pair in pairs)
                parameters.Append(pair).Append('\u001e');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parameters.ToString())));
        return string.Create(CultureInfo.InvariantCulture, $"chat:retrieval:{knowledgeBaseId}:v{version}:{hash}");
    }
}

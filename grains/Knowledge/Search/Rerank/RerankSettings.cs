namespace Cluster.Grains.Knowledge.Search.Rerank;

/// <summary>A knowledge base's rerank endpoint.</summary>
/// <param name="Endpoint">The full address of the Jina/Cohere-style rerank call, e.g. <c>http://localhost:8000/v1/rerank</c>.</param>
/// <param name="Model">The model name sent with each call, if the server wants one.</param>
/// <param name="ApiKey">Sent as a bearer token, if given.</param>
/// <param name="Candidates">How many fused results are sent to be reranked (at least top-k).</param>
public sealed record RerankSettings(Uri Endpoint, string? Model = null, string? ApiKey = null, int Candidates = 30)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the setting to fix.</summary>
    public void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("rerank.endpoint must be an absolute http(s) address.", nameof(Endpoint));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Candidates, 1, nameof(Candidates));
    }
}

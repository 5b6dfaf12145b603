using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Cluster.Tests.ActorCore;

/// <summary>JSON requests and problem checks for the actor endpoints.</summary>
internal static class HttpJson
{
    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient http, string url, string json) =>
        http.PutAsync(url, Content(json));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string url, string json) =>
        http.PostAsync(url, Content(json));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a 400 problem+json naming <paramref name="field"/>.</summary>
    public static async Task AssertInvalidAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    private static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");
}

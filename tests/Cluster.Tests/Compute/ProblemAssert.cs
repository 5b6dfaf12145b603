using System.Net;
using System.Text.Json;
using Xunit;

namespace Cluster.Tests.Compute;

/// <summary>Checks the gateway's answers to invalid input.</summary>
internal static class ProblemAssert
{
    /// <summary>Asserts a 400 problem+json whose <c>field</c> is <paramref name="field"/>; returns its detail.</summary>
    public static async Task<string> InvalidField(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}

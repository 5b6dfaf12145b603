using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Cluster.Tests.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Cluster.Tests.Knowledge.Ingestion;

/// <summary>How the gateway answers the ingestion engine's and the tenant grain's refusals, whichever route raises them.</summary>
public sealed class DocumentProblemTests
{
    [Fact]
    public async Task Rejected_documents_and_exceeded_quotas_are_problems_with_their_reason()
    {
        await using var gateway = await GatewayHost.StartAsync(app =>
        {
            app.MapGet("/test/unsupported", IResult () => throw new UnsupportedDocumentTypeException("'a.xlsx': .xlsx files are not supported"));
            app.MapGet("/test/corrupt", IResult () => throw new CorruptDocumentException("'a.pdf' cannot be read as a PDF"));
            app.MapGet("/test/empty", IResult () => throw new EmptyDocumentException("'a.txt' has no text to index"));
            app.MapGet("/test/quota", IResult () => throw new StorageQuotaExceededException("t", 500, new TenantUsage(1_000, 800)));
        });
        using var client = gateway.Client();

        foreach (var (path, status, reason) in new[]
                 {
                     ("/test/unsupported", HttpStatusCode.UnsupportedMediaType, ".xlsx files are not supported"),
                     ("/test/corrupt", HttpStatusCode.UnprocessableEntity, "cannot be read as a PDF"),
                     ("/test/empty", HttpStatusCode.UnprocessableEntity, "no text to index"),
                     ("/test/quota", HttpStatusCode.RequestEntityTooLarge, "200 of 1000 bytes"),
                 })
        {
            var response = await client.GetAsync(path);
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(reason, problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}

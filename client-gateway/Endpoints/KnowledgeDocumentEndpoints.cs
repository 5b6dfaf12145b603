using System.Text.Json;
using Cluster.Gateway.Endpoints.Knowledge;
using Cluster.Gateway.OpenApi;
using Cluster.Gateway.Security;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orleans;
using static Cluster.Gateway.Endpoints.KnowledgeBaseEndpoints;

namespace Cluster.Gateway.Endpoints;

public static class KnowledgeDocumentEndpoints
{
    /// <summary>Document ids come from the upload's answer; the documented examples stand for the one it answered.</summary>
    private const string ExampleDocumentId = "0192f3a4b5c67d8e9f0a1b2c3d4e5f61";

    private const int DefaultPageSize = 100;

    /// <summary>
    /// A knowledge base's documents: uploads (a file as multipart/form-data, or JSON text) and batches are answered
    /// 202 once stored, before they are searchable; their status moves pending → processing → completed (or failed).
    /// Writes take the ingest capability, reads the retrieve capability.
    /// </summary>
    public static void MapKnowledgeDocumentEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/knowledge-bases/{kbId}/documents").WithTags("knowledge documents");

        documents.MapPost("", async (string kbId, HttpContext http, IGrainFactory grains, IOptions<JsonOptions> json) =>
        {
            var upload = await ReadUploadAsync(http.Request, json.Value.SerializerOptions);
            var stored = await Documents(grains, kbId).SubmitAsync(TenantOf(http), [upload]);
            return Results.Accepted($"/api/v1/knowledge-bases/{kbId}/documents/{stored[0].Id}", new SubmittedDocument(stored[0].Id, stored[0].Status));
        }).WithSummary("Upload a document (ingest capability): a .txt, .md, .html, .docx or .pdf file in multipart part \"file\" (with optional title, externalId, metadata parts), or JSON {title, text, externalId?, metadata?}")
          .Accepts<DocumentBody>("application/json", "multipart/form-data")
          .Produces<SubmittedDocument>(StatusCodes.Status202Accepted)
          .RequireTenantCapability(TenantCapability.Ingest)
          .WithRequestExample("""{"title":"Password resets","text":"To reset a password, open Settings, choose Security and follow the link we email you.","externalId":"faq-17","metadata":{"team":"support"}}""",
              ("kbId", ExampleKnowledgeBaseId));

        documents.MapPost("/batch", async (string kbId, DocumentBatchBody body, HttpContext http, IGrainFactory grains) =>
        {
            var sent = body.Documents ?? throw new KnowledgeValidationException("documents", "is required: a list of {title, text, externalId?, metadata?}.");
            var uploads = new DocumentUpload[sent.Count];
            for (var i = 0; i < uploads.Length; i++)
                uploads[i] = (sent[i] ?? throw new KnowledgeValidationException($"documents[{i}]", "must be a document, not null.")).ToUpload();
            var stored = await Documents(grains, kbId).SubmitAsync(TenantOf(http), uploads);
            var ids = new string[stored.Count];
            for (var i = 0; i < ids.Length; i++)
                ids[i] = stored[i].Id;
            return Results.Accepted($"/api/v1/knowledge-bases/{kbId}/documents", new SubmittedBatch(ids));
        }).WithSummary("Upload up to 1,000 JSON documents at once (ingest capability): all are stored or none")
          .Produces<SubmittedBatch>(StatusCodes.Status202Accepted)
          .RequireTenantCapability(TenantCapability.Ingest)
          .WithRequestExample("""{"documents":[{"title":"Refunds","text":"Refunds reach your card within five working days."},{"title":"Shipping","text":"We ship to the EU and the UK.","externalId":"faq-3"}]}""",
              ("kbId", ExampleKnowledgeBaseId));

        documents.MapGet("", async (string kbId, string? status, string? after, int? limit, HttpContext http, IGrainFactory grains) =>
            await Documents(grains, kbId).ListAsync(TenantOf(http), ParseStatus(status), after, limit ?? DefaultPageSize))
            .WithSummary("A page of documents, oldest first, optionally of one status (retrieve capability); pass the answer's next as after for the next page")
            .RequireTenantCapability(TenantCapability.Retrieve)
            .WithRequestExample(null, ("kbId", ExampleKnowledgeBaseId));

        documents.MapGet("/{docId}", async (string kbId, string docId, HttpContext http, IGrainFactory grains) =>
            await Documents(grains, kbId).GetAsync(TenantOf(http), docId))
            .WithSummary("A document's status, error, chunk count and size (retrieve capability)")
            .RequireTenantCapability(TenantCapability.Retrieve)
            .WithRequestExample(null, ("kbId", ExampleKnowledgeBaseId), ("docId", ExampleDocumentId));

        documents.MapDelete("/{docId}", async (string kbId, string docId, HttpContext http, IGrainFactory grains) =>
        {
            await Documents(grains, kbId).DeleteAsync(TenantOf(http), docId);
            return Results.NoContent();
        }).WithSummary("Delete a document (ingest capability): it leaves search and its storage is released")
          .Produces(StatusCodes.Status204NoContent)
          .RequireTenantCapability(TenantCapability.Ingest)
          .WithRequestExample(null, ("kbId", ExampleKnowledgeBaseId), ("docId", ExampleDocumentId));

        documents.MapPost("/{docId}/reprocess", async (string kbId, string docId, HttpContext http, IGrainFactory grains) =>
        {
            var document = await Documents(grains, kbId).ReprocessAsync(TenantOf(http), docId);
            return Results.Accepted($"/api/v1/knowledge-bases/{kbId}/documents/{docId}", new SubmittedDocument(document.Id, document.Status));
        }).WithSummary("Chunk and embed a completed or failed document again with the knowledge base's current settings (ingest capability)")
          .Produces<SubmittedDocument>(StatusCodes.Status202Accepted)
          .RequireTenantCapability(TenantCapability.Ingest)
          .WithRequestExample(null, ("kbId", ExampleKnowledgeBaseId), ("docId", ExampleDocumentId));
    }

    private static IKnowledgeDocumentsGrain Documents(IGrainFactory grains, string kbId) =>
        IsKnowledgeBaseId(kbId) ? grains.GetGrain<IKnowledgeDocumentsGrain>(kbId) : throw new KnowledgeBaseNotFoundException(kbId);

    private static async Task<DocumentUpload> ReadUploadAsync(HttpRequest request, JsonSerializerOptions json)
    {
        if (request.HasFormContentType)
            return await DocumentUploadForm.ReadAsync(request, request.HttpContext.RequestAborted);
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException(
                "Send a file as multipart/form-data (part \"file\") or a JSON document with Content-Type: application/json.", StatusCodes.Status415UnsupportedMediaType);
        }
        var body = await request.ReadFromJsonAsync<DocumentBody>(json, request.HttpContext.RequestAborted)
            ?? throw new KnowledgeValidationException("$", "must be a JSON object {title, text, externalId?, metadata?}, not null.");
        return body.ToUpload();
    }

    private static DocumentStatus? ParseStatus(string? status) => status switch
    {
        null => null,
        "pending" => DocumentStatus.Pending,
        "processing" => DocumentStatus.Processing,
        "completed" => DocumentStatus.Completed,
        "failed" => DocumentStatus.Failed,
        _ => throw new KnowledgeValidationException("status", $"must be pending, processing, completed or failed, not \"{status}\"."),
    };
}

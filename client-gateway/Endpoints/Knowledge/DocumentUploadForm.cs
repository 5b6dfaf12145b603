using System.Text.Json;
using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Gateway.Endpoints.Knowledge;

/// <summary>
/// A document uploaded as <c>multipart/form-data</c>: the file in part <c>file</c>, and optional fields
/// <c>title</c>, <c>externalId</c> and <c>metadata</c> (a JSON object of strings).
/// </summary>
public static class DocumentUploadForm
{
    public const string FilePart = "file";

    /// <exception cref="KnowledgeValidationException">naming the missing or malformed part.</exception>
    public static async Task<DocumentUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile(FilePart)
            ?? throw new KnowledgeValidationException(FilePart, "is required: send the document in a form part named \"file\".");
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, cancellationToken);
        return new DocumentUpload(Field(form, "title"), null, content, file.FileName, file.ContentType, Field(form, "externalId"), Metadata(form));
    }

    private static string? Field(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;

    private static Dictionary<string, string>? Metadata(IFormCollection form)
    {
        if (Field(form, "metadata") is not { } json)
            return null;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json)
                ?? throw new KnowledgeValidationException("metadata", "must be a JSON object of strings, not null.");
        }
        catch (JsonException)
        {
            throw new KnowledgeValidationException("metadata", "must be a JSON object whose values are strings, e.g. {\"team\":\"support\"}.");
        }
    }
}

using System.Text.Json;
using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Cluster.Grains.Json;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cluster.Gateway.Errors;

/// <summary>
/// Turns exceptions from body binding and grain calls into RFC 9457 problems: invalid input is 400 naming the field
/// (malformed JSON also its line and position), an empty body 400, a body that is not JSON 415, a body over the size
/// limit 413, a document of an unsupported type 415, a corrupt or empty one 422, an upload past the tenant's storage
/// quota 413, missing things 404, conflicts and stale ETags 409, timeouts 504, an unavailable cluster or no compatible
/// silo 503; anything else is a 500 without internals.
/// </summary>
public sealed class GrainExceptionHandler(IProblemDetailsService problems, ILogger<GrainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Classify(httpContext, exception);
        if (problem.Status >= 500)
            logger.LogError(exception, "Request {Path} failed", httpContext.Request.Path);
        httpContext.Response.StatusCode = problem.Status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = problem.Status,
                Title = problem.Title,
                Detail = problem.Detail,
                Type = $"https://httpstatuses.io/{problem.Status}",
            },
        };
        if (problem.Field is not null)
            context.ProblemDetails.Extensions["field"] = problem.Field;
        if (problem.Line is { } line)
        {
            context.ProblemDetails.Extensions["line"] = line;
            context.ProblemDetails.Extensions["position"] = problem.Position;
        }

        return await problems.TryWriteAsync(context);
    }

    private static Problem Classify(HttpContext http, Exception e)
    {
        if (FieldOf(e) is { } field)
            return new Problem(400, "Invalid input", e.Message, field);
        return e switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
            JsonException json => FromJson(json),
            BadHttpRequestException { StatusCode: 413 } => new Problem(413, "Body too large", StatusCodeProblems.PayloadTooLarge(http), null),
            BadHttpRequestException { StatusCode: 415 } => new Problem(415, "Unsupported media type", StatusCodeProblems.UnsupportedMediaType(http.Request), null),
            BadHttpRequestException { StatusCode: 400 } when HasNoBody(http.Request) => new Problem(400, "Body required",
                "This endpoint needs a JSON body sent with Content-Type: application/json; /docs shows an example for each endpoint.", "$"),
            BadHttpRequestException bad => new Problem(bad.StatusCode, "Malformed request", bad.Message, null),
            UnsupportedDocumentTypeException => new Problem(415, "Unsupported document type", e.Message, null),
            DocumentRejectedException => new Problem(422, "Unreadable document", e.Message, null),
            StorageQuotaExceededException => new Problem(413, "Storage quota exceeded", e.Message, null),
            ArgumentException a => new Problem(400, "Invalid input", e.Message, a.ParamName),
            KeyNotFoundException => new Problem(404, "Not found", e.Message, null),
            ConflictException or InconsistentStateException => new Problem(409, "Conflict", e.Message, null),
            TimeoutException => new Problem(504, "The cluster did not answer in time", e.Message, null),
            NoCompatibleSiloException => new Problem(503, "No silo can serve this request", e.Message, null),
            SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException =>
                new Problem(503, "The cluster is unavailable", e.Message, null),
            _ => new Problem(500, "Internal error", "An unexpected error occurred.", null),
        };
    }

    private static Problem FromJson(JsonException json)
    {
        var field = FieldOfPath(json.Path);
        var reason = JsonReadError.Describe(json);
        if (JsonReadError.IsSyntaxError(json))
        {
            var at = JsonReadError.Location(json);
            return new Problem(400, "Malformed JSON", $"The body {reason}", field, at?.Line, at?.Position);
        }

        return new Problem(400, "Invalid input", field is null ? $"The body {reason}" : $"{field} {reason}", field ?? "$");
    }

    private static bool HasNoBody(HttpRequest request) =>
        request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any());

    /// <summary>"$.outputs[2].value" names the field outputs[2].value; the root names none.</summary>
    private static string? FieldOfPath(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Validation exceptions of the domain engines carry the offending field in a Field property.</summary>
    private static string? FieldOf(Exception e) =>
        e.GetType().GetProperty("Field")?.GetValue(e) as string;

    private sealed record Problem(int Status, string Title, string Detail, string? Field, long? Line = null, long? Position = null);
}

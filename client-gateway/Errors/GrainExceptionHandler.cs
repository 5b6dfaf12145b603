using System.Text.Json;
using Cluster.GrainInterfaces;
using Orleans.Runtime;
using Orleans.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Cluster.Gateway.Errors;

/// <summary>
/// Turns exceptions from grain calls into RFC 7807 problems: invalid input is 400 naming the field, missing
/// things 404, conflicts and stale ETags 409, timeouts 504, an unavailable cluster or no compatible silo 503; anything else is a 500 without internals.
/// </summary>
public sealed class GrainExceptionHandler(IProblemDetailsService problems, ILogger<GrainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, field) = Classify(exception);
        if (status >= 500)
            logger.LogError(exception, "Request {Path} failed", httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status == 500 ? "An unexpected error occurred." : exception.Message,
                Type = $"https://httpstatuses.io/{status}",
            },
        };
        if (field is not null)
            context.ProblemDetails.Extensions["field"] = field;
        return await problems.TryWriteAsync(context);
    }

    private static (int Status, string Title, string? Field) Classify(Exception e)
    {
        var field = FieldOf(e);
        if (field is not null)
            return (400, "Invalid input", field);
        return e switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "Malformed request", FieldOfPath(json.Path)),
            JsonException json => (400, "Malformed request", FieldOfPath(json.Path)),
            BadHttpRequestException bad => (bad.StatusCode, "Malformed request", null),
            ArgumentException a => (400, "Invalid input", a.ParamName),
            KeyNotFoundException => (404, "Not found", null),
            ConflictException or InconsistentStateException => (409, "Conflict", null),
            TimeoutException => (504, "The cluster did not answer in time", null),
            NoCompatibleSiloException => (503, "No silo can serve this request", null),
            SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException => (503, "The cluster is unavailable", null),
            _ => (500, "Internal error", null),
        };
    }

    /// <summary>"$.outputs[2].value" names the field outputs[2].value; the root names none.</summary>
    private static string? FieldOfPath(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Validation exceptions of the domain engines carry the offending field in a Field property.</summary>
    private static string? FieldOf(Exception e) =>
        e.GetType().GetProperty("Field")?.GetValue(e) as string;
}

using Microsoft.AspNetCore.Diagnostics;

namespace Cluster.Gateway.Errors;

/// <summary>
/// Problems for answers the routing and binding layers give without a body: 404 for a path nothing serves, 405 with
/// the methods the path accepts, 415 with the content type expected.
/// </summary>
public static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound when http.GetEndpoint() is null =>
                $"Nothing is served at {http.Request.Path}. The API reference is at /docs and its OpenAPI document at /openapi/v1.json.",
            StatusCodes.Status405MethodNotAllowed =>
                $"{http.Request.Method} is not accepted at {http.Request.Path}; it accepts {http.Response.Headers.Allow}.",
            StatusCodes.Status415UnsupportedMediaType =>
                $"Send the body as JSON with the header Content-Type: application/json{(string.IsNullOrEmpty(http.Request.ContentType) ? " (none was sent)" : $" (got {http.Request.ContentType})")}.",
            _ => null,
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Detail = detail,
                Type = $"https://httpstatuses.io/{status}",
            },
        });
    }
}

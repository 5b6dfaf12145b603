using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Cluster.Gateway.Errors;

/// <summary>
/// Problems for answers the server, routing and binding layers give without a body: 404 for a path nothing serves,
/// 405 with the methods the path accepts, 413 with the size limit, 415 with the content type expected.
/// </summary>
public static class StatusCodeProblems
{
    /// <summary>What a 415 says, whether routing or body binding found the content type wrong.</summary>
    public static string UnsupportedMediaType(HttpRequest request) =>
        $"Send the body as JSON with the header Content-Type: application/json{(string.IsNullOrEmpty(request.ContentType) ? " (none was sent)" : $" (got {request.ContentType})")}.";

    /// <summary>What a 413 says, whether the server refused the declared length or binding ran past the limit.</summary>
    public static string PayloadTooLarge(HttpContext http) =>
        $"The body is larger than the {MaxBodySize(http)} bytes the gateway accepts; send less per request (e.g. fewer records per batch).";

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
            StatusCodes.Status413PayloadTooLarge => PayloadTooLarge(http),
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(http.Request),
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

    private static string MaxBodySize(HttpContext http) =>
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max
            ? max.ToString("N0", CultureInfo.InvariantCulture)
            : "configured";
}

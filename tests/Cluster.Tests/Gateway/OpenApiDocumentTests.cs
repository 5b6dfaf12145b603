using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cluster.Tests.Gateway;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Every_route_the_gateway_maps_is_in_the_openapi_document()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var document = await DocumentAsync(gateway);
        var paths = document["paths"]!.AsObject();

        var checkedRoutes = 0;
        var missing = new List<string>();
        foreach (var endpoint in gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
                continue;
            var route = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                checkedRoutes++;
                if (paths[route]?[method.ToLowerInvariant()] is null)
                    missing.Add($"{method} {route}");
            }
        }

        Assert.True(missing.Count == 0, "not documented: " + string.Join(", ", missing));
        Assert.True(checkedRoutes >= 25, $"only {checkedRoutes} routes were found");
    }

    [Fact]
    public async Task Every_documented_example_request_gets_a_documented_success_status()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var examples = DocumentedExample.All(await DocumentAsync(gateway));
        var session = new ExampleSession(gateway.Admin());

        var sent = 0;
        foreach (var example in ExampleSession.InRunOrder(examples))
        {
            var response = await session.SendAsync(example);
            var status = (int)response.StatusCode;
            Assert.True(status is >= 200 and < 300 && example.Statuses.Contains(status),
                $"{example} ({session.Url(example)}) answered {status}: {await response.Content.ReadAsStringAsync()}");
            sent++;
        }

        Assert.True(sent >= 25, $"only {sent} examples were sent");
    }

    [Fact]
    public async Task Every_request_body_has_an_example_and_every_api_operation_documents_problem_errors_and_the_key()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var document = await DocumentAsync(gateway);

        Assert.Equal("3.1.1", document["openapi"]!.GetValue<string>());
        Assert.Equal("X-API-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal))
                continue;
            foreach (var (method, operation) in item!.AsObject())
            {
                var at = $"{method} {path}";
                Assert.True(operation!["security"] is JsonArray { Count: > 0 }, $"{at} names no key");
                Assert.True(operation["responses"]!["400"]?["content"]?["application/problem+json"] is not null || operation["requestBody"] is null && operation["parameters"] is null,
                    $"{at} documents no problem+json 400");
                Assert.NotNull(operation["responses"]!["401"]?["content"]?["application/problem+json"]);
                if (operation["requestBody"] is { } body)
                {
                    Assert.True(body["content"]?["application/json"]?["example"] is not null, $"{at} has no example body");
                    Assert.NotNull(operation["responses"]!["415"]);
                }
            }
        }
    }

    [Fact]
    public async Task A_search_limit_has_one_value_in_the_document_and_in_its_message()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var schema = (await DocumentAsync(gateway))["components"]!["schemas"]!["GameSearchRequest"]!["properties"]!;
        var http = gateway.Client();

        foreach (var (field, below, above) in new[] { ("iterations", 0, 60_000_000), ("iterations", 0, 2_000_001), ("workers", 0, 17), ("workers", 0, 257) })
        {
            var maximum = schema[field]!["maximum"]!.GetValue<int>();
            var minimum = schema[field]!["minimum"]!.GetValue<int>();
            foreach (var value in new[] { below, above })
            {
                var response = await http.PostAsync("/api/v1/mcts/search", Json($$"""{"game":"connect4","position":"","{{field}}":{{value}}}"""));
                var detail = await Compute.ProblemAssert.InvalidField(response, field);
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"between {minimum:N0} and {maximum:N0};"), detail, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_api_reference_page_is_served_at_docs()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { BaseAddress = gateway.Address };

        var response = await http.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<JsonObject> DocumentAsync(GatewayHost gateway)
    {
        using var http = new HttpClient { BaseAddress = gateway.Address };
        var response = await http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

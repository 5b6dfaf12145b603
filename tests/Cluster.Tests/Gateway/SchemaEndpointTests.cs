using System.Net;
using Cluster.Tests.ActorCore;
using Xunit;

namespace Cluster.Tests.Gateway;

public sealed class SchemaEndpointTests
{
    [Fact]
    public async Task Every_actor_core_schema_is_served_exactly_as_the_spec_publishes_it()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client(key: null);
        var published = Directory.GetFiles(Path.Combine(SharedActorCoreData.Directory, "schemas"), "*.schema.json");

        Assert.NotEmpty(published);
        foreach (var file in published)
        {
            using var response = await http.GetAsync($"/schemas/{Path.GetFileName(file)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(file), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task An_unknown_schema_is_a_404()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client(key: null);

        using var response = await http.GetAsync("/schemas/Nothing.schema.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

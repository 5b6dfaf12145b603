using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Cluster.Tests.Gateway;

public sealed class ProblemTests
{
    [Fact]
    public async Task A_body_field_of_the_wrong_type_gets_a_400_problem_naming_the_field()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var body = new StringContent("""{"game":"connect4","position":"","iterations":"many"}""", Encoding.UTF8, "application/json");

        var response = await gateway.Client().PostAsync("/api/v1/mcts/search", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("iterations", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_problem()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var body = new StringContent("""{"game": """, Encoding.UTF8, "application/json");

        var response = await gateway.Client().PostAsync("/api/v1/mcts/search", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cluster.Tests.Compute;
using Xunit;

namespace Cluster.Tests.Vision.Service;

/// <summary>Vision over HTTP on the embedded default, whose co-hosted silo has the gpu role and serves the CPU device.</summary>
public sealed class VisionEndpointTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_multipart_upload_with_wait_answers_the_embedding()
    {
        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(TestImages.Checkerboard());
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "image", "checkerboard.png");
        form.Add(new StringContent("resnet18"), "model");
        form.Add(new StringContent("embed"), "task");
        form.Add(new StringContent("2"), "priority");

        var response = await fixture.Gateway.Client().PostAsync("/api/v1/vision/jobs?wait=true", form);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var job = JsonDocument.Parse(body);
        Assert.Equal("succeeded", job.RootElement.GetProperty("state").GetString());
        Assert.Equal(512, job.RootElement.GetProperty("embedding").GetArrayLength());
        Assert.Equal(2, job.RootElement.GetProperty("priority").GetInt32());
    }

    [Fact]
    public async Task A_json_job_is_accepted_with_202_and_its_result_is_read_by_id()
    {
        var http = fixture.Gateway.Client();
        var response = await http.PostAsync("/api/v1/vision/jobs", Json(new { model = "resnet18", task = "embed", image = Convert.ToBase64String(TestImages.Solid(30, 160, 60)) }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("jobId").GetString()!;
        Assert.Equal($"/api/v1/vision/jobs/{id}", response.Headers.Location!.OriginalString);
        var state = "";
        for (var i = 0; i < 300 && state != "succeeded"; i++)
        {
            state = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/vision/jobs/{id}")).RootElement.GetProperty("state").GetString()!;
            if (state != "succeeded")
                await Task.Delay(50);
        }

        Assert.Equal("succeeded", state);
    }

    [Theory]
    [InlineData("""{"model":"resnet18","task":"embed","image":"not base64!"}""", "image")]
    [InlineData("""{"model":"resnet18","task":"embed","image":"AAAAAAAAAAAAAAAA"}""", "image")]
    [InlineData("""{"model":"resnet18","task":"describe","image":"AAAA"}""", "task")]
    [InlineData("""{"model":"Res Net","task":"embed","image":"AAAA"}""", "model")]
    [InlineData("""{"model":"resnet18","task":"embed","image":"AAAA","priority":3}""", "priority")]
    [InlineData("""{"model":"resnet18","task":"embed","image":"AAAA","deadline":"2001-01-01T00:00:00Z"}""", "deadline")]
    [InlineData("""{"model":"resnet18","task":"embed","image":"AAAA","colour":"red"}""", "colour")]
    public async Task Bad_jobs_are_refused_naming_the_field(string body, string field)
    {
        var response = await fixture.Gateway.Client().PostAsync("/api/v1/vision/jobs", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.InvalidField(response, field);
    }

    [Fact]
    public async Task Classify_on_the_featurizer_is_refused_naming_the_task_field()
    {
        var response = await fixture.Gateway.Client().PostAsync("/api/v1/vision/jobs",
            Json(new { model = "resnet18", task = "classify", image = Convert.ToBase64String(TestImages.Checkerboard()) }));

        var detail = await ProblemAssert.InvalidField(response, "task");
        Assert.Contains("outputs features", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_is_404_and_devices_list_the_embedded_cpu_device()
    {
        var http = fixture.Gateway.Client();

        var missing = await http.PostAsync("/api/v1/vision/models/nosuchmodel/load", null);
        using var devices = JsonDocument.Parse(await http.GetStringAsync("/api/v1/vision/devices"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var device = Assert.Single(devices.RootElement.EnumerateArray());
        Assert.Equal("cpu", device.GetProperty("kind").GetString());
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

using System.Text;
using Xunit;

namespace Cluster.Tests.Deploy;

/// <summary>The images: built in an SDK stage, run on a runtime image as a non-root user, probed, configured by environment.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string, string, string> Images => new()
    {
        { "deploy/docker/silo.Dockerfile", "Cluster.Silo.dll", "8081" },
        { "deploy/docker/gpu-silo.Dockerfile", "Cluster.Silo.dll", "8081" },
        { "deploy/docker/gateway.Dockerfile", "Cluster.Gateway.dll", "5080" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Image_builds_with_the_sdk_and_runs_the_published_app_as_a_non_root_user(string dockerfile, string dll, string port)
    {
        var lines = Instructions(dockerfile);
        var runtimeStage = lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal));

        Assert.Contains(lines, l => l.StartsWith("FROM ${SDK_IMAGE} AS build", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal) && l.Contains("-c Release", StringComparison.Ordinal));
        var user = lines.Skip(runtimeStage).Single(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain("root", user);
        Assert.DoesNotMatch(@"USER\s+0\b", user);
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{dll}\"]", lines[^1]);
        Assert.Contains($"HEALTHCHECK --interval=10s --timeout=5s", lines.Skip(runtimeStage).Single(l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)));
        Assert.Contains($"CMD [\"/usr/local/bin/cluster-healthcheck\", \"{port}\", \"/healthz\"]", lines.Single(l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)));
        Assert.Equal($"http://+:{port}", ContainerEnvironment.OfImage(dockerfile)["ASPNETCORE_URLS"]);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Image_sets_only_keys_the_code_reads(string dockerfile, string dll, string port)
    {
        _ = (dll, port);
        var unread = ContainerEnvironment.OfImage(dockerfile).Keys.Where(k => !ConfigurationKeys.IsRead(k)).ToList();

        Assert.Empty(unread);
    }

    [Fact]
    public void Gpu_image_runs_on_the_cuda_12_runtime_with_cudnn_9()
    {
        var lines = Instructions("deploy/docker/gpu-silo.Dockerfile");

        Assert.Contains("ARG CUDA_IMAGE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04", lines);
        Assert.Equal("FROM ${CUDA_IMAGE}", lines.Last(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Equal("gpu", ContainerEnvironment.OfImage("deploy/docker/gpu-silo.Dockerfile")["Cluster__Roles__0"]);
    }

    [Fact]
    public async Task Healthcheck_script_passes_on_a_2xx_answer_and_fails_otherwise()
    {
        var script = DeployFiles.PathOf("deploy/docker/healthcheck.sh");
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        async Task<int> ProbeAnswering(string statusLine)
        {
            var serve = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync();
                await using var stream = client.GetStream();
                // Read the whole request first: closing with unread bytes resets the connection, and the reset can
                // discard the answer before the probe reads it.
                var request = new StringBuilder();
                var buffer = new byte[1024];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer);
                    if (read == 0)
                        break;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{statusLine}\r\nContent-Length: 0\r\n\r\n"));
            });
            var (exit, _, _) = await DeployFiles.RunAsync("bash", [script, port, "/healthz"]);
            await serve;
            return exit;
        }

        Assert.Equal(0, await ProbeAnswering("HTTP/1.1 200 OK"));
        Assert.NotEqual(0, await ProbeAnswering("HTTP/1.1 503 Service Unavailable"));
    }

    private static List<string> Instructions(string dockerfile) =>
        DeployFiles.Read(dockerfile).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
}

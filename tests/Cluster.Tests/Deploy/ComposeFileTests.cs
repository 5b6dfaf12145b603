using Xunit;
using Cluster.Gateway.Security;
using Cluster.Silo.Hosting;
using YamlDotNet.RepresentationModel;

namespace Cluster.Tests.Deploy;

/// <summary>docker-compose.yml, checked with docker-compose and yamllint, and against the configuration the code reads.</summary>
public sealed class ComposeFileTests
{
    private static readonly string[] Profiles = ["--env-file", ".env.example", "--profile", "gpu", "--profile", "otel"];

    [Fact]
    public async Task Compose_file_is_valid_for_docker_compose_with_every_profile()
    {
        var (exit, output, error) = await DeployFiles.RunAsync("docker-compose", [.. Profiles, "config", "-q"]);

        Assert.True(exit == 0, $"docker-compose config failed: {error}{output}");
    }

    [Fact]
    public async Task Compose_file_refuses_to_start_without_the_secrets_in_env()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"cluster-empty-{Guid.NewGuid():N}.env");
        await File.WriteAllTextAsync(empty, "");
        try
        {
            var (exit, _, error) = await DeployFiles.RunAsync("docker-compose", ["--env-file", empty, "config", "-q"]);

            Assert.NotEqual(0, exit);
            Assert.Contains("deploy/secrets.sh compose", error);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public async Task Deployment_yaml_passes_yamllint()
    {
        var (exit, output, error) = await DeployFiles.RunAsync("yamllint", ["--strict", "docker-compose.yml", "deploy", ".yamllint.yml"]);

        Assert.True(exit == 0, $"yamllint: {output}{error}");
    }

    [Fact]
    public async Task Every_variable_the_compose_members_set_is_a_key_the_code_reads()
    {
        var unread = new List<string>();
        foreach (var member in await MembersAsync())
            foreach (var variable in member.Variables.Keys)
                if (!ConfigurationKeys.IsRead(variable))
                    unread.Add($"{member.Name}: {variable}");

        Assert.Empty(unread);
    }

    [Fact]
    public async Task Compose_silos_join_the_redis_cluster_over_tls_with_postgres_storage()
    {
        var silos = (await MembersAsync()).Where(m => m.Name.Contains("silo", StringComparison.Ordinal)).ToList();

        Assert.Equal(["gpu-silo", "silo"], silos.Select(s => s.Name).Order());
        foreach (var silo in silos)
        {
            var options = ClusterHostOptions.From(ConfigurationKeys.FromEnvironment(silo.Variables));
            Assert.False(options.IsEmbedded, silo.Name);
            Assert.True(options.UsesTls, silo.Name);
            Assert.True(options.Storage.IsPostgres, silo.Name);
            Assert.Equal("0.0.0.0", options.ParsedListenEndpoint.Address.ToString());
        }

        Assert.Contains("gpu", ClusterHostOptions.From(ConfigurationKeys.FromEnvironment(silos.Single(s => s.Name == "gpu-silo").Variables)).Roles);
    }

    [Fact]
    public async Task Compose_gateway_has_every_setting_a_cluster_client_requires()
    {
        var gateway = (await MembersAsync()).Single(m => m.Name == "gateway");
        var configuration = ConfigurationKeys.FromEnvironment(gateway.Variables);

        var options = ClusterHostOptions.From(configuration);
        ApiKeys.FromConfiguration(configuration, embedded: false);

        Assert.False(options.IsEmbedded);
        Assert.True(options.UsesTls);
        Assert.Equal("http://+:5080", configuration["urls"]);
    }

    [Fact]
    public async Task Compose_keeps_secrets_out_of_the_images_and_mounts_the_certificate()
    {
        var compose = await ResolvedAsync();
        var services = (YamlMappingNode)compose.Children[new YamlScalarNode("services")];
        foreach (var name in (string[])["silo", "gpu-silo", "gateway"])
        {
            var service = services.Children[new YamlScalarNode(name)];
            Assert.True(ContainerEnvironment.TryGet(service, out var secrets, "secrets"), name);
            var mounted = ((YamlSequenceNode)secrets).Select(s => s is YamlScalarNode named ? named.Value : ContainerEnvironment.Scalar(s, "source")).Order();
            Assert.Equal(["cluster-cert", "cluster-key"], mounted);
        }

        foreach (var dockerfile in Directory.EnumerateFiles(DeployFiles.PathOf("deploy/docker"), "*.Dockerfile"))
        {
            var text = await File.ReadAllTextAsync(dockerfile);
            Assert.DoesNotContain("AdminKey", text);
            Assert.DoesNotContain("Password", text);
            Assert.DoesNotContain("Cluster__Redis", text);
        }
    }

    /// <summary>The services built from this repository, with their images' ENV defaults and what compose sets.</summary>
    private static async Task<List<ContainerEnvironment>> MembersAsync()
    {
        var services = (YamlMappingNode)(await ResolvedAsync()).Children[new YamlScalarNode("services")];
        var members = new List<ContainerEnvironment>();
        foreach (var (key, service) in services.Children)
        {
            if (!ContainerEnvironment.TryGet(service, out var dockerfile, "build", "dockerfile"))
                continue;
            var set = new Dictionary<string, string>(StringComparer.Ordinal);
            if (ContainerEnvironment.TryGet(service, out var environment, "environment"))
                foreach (var (name, value) in (YamlMappingNode)environment)
                    set[((YamlScalarNode)name).Value!] = ((YamlScalarNode)value).Value ?? "";
            members.Add(ContainerEnvironment.Of(((YamlScalarNode)key).Value!, ((YamlScalarNode)dockerfile).Value!, set));
        }

        return members;
    }

    /// <summary>docker-compose.yml as docker-compose resolves it: anchors merged, .env.example's values filled in.</summary>
    private static async Task<YamlMappingNode> ResolvedAsync()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await DeployFiles.OutputOfAsync("docker-compose", [.. Profiles, "config"])));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}

using Xunit;
using k8s;
using k8s.Models;
using Cluster.Gateway.Security;
using Cluster.Silo.Hosting;
using Orleans.Hosting.Kubernetes;

namespace Cluster.Tests.Deploy;

/// <summary>
/// deploy/k8s as kubectl's Kustomize renders it, read into the Kubernetes API's own types with unknown fields refused
/// (the schema check), and against the configuration the code reads.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly Lazy<Task<List<object>>> Rendered = new(RenderAsync);

    [Fact]
    public async Task Manifests_render_and_match_the_Kubernetes_schemas()
    {
        var objects = await Rendered.Value;

        var kinds = objects.Select(o => ((IKubernetesObject)o).Kind).Order().ToList();
        Assert.Equal(
            ["Deployment", "Deployment", "Deployment", "HorizontalPodAutoscaler", "Namespace", "PodDisruptionBudget", "PodDisruptionBudget",
             "Role", "RoleBinding", "Secret", "Secret", "Secret", "Secret", "Service", "ServiceAccount"],
            kinds);
        var ingress = KubernetesYaml.LoadAllFromString(DeployFiles.Read("deploy/k8s/optional/ingress.yaml"), strict: true);
        Assert.IsType<V1Ingress>(Assert.Single(ingress));
    }

    [Fact]
    public void Schema_check_refuses_a_field_the_api_does_not_have()
    {
        var misspelt = DeployFiles.Read("deploy/k8s/silo-autoscaler.yaml").Replace("minReplicas", "minReplica", StringComparison.Ordinal);

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(misspelt, strict: true));
    }

    [Fact]
    public async Task Every_variable_the_pods_set_is_a_key_the_code_reads()
    {
        var unread = new List<string>();
        foreach (var (deployment, container) in await ContainersAsync())
            foreach (var variable in container.Env)
                if (!ConfigurationKeys.IsRead(variable.Name))
                    unread.Add($"{deployment.Metadata.Name}: {variable.Name}");

        Assert.Empty(unread);
    }

    [Fact]
    public async Task Silo_pods_run_under_kubernetes_hosting_with_the_pod_identity_it_reads()
    {
        var silos = (await ContainersAsync()).Where(c => c.Deployment.Metadata.Name.StartsWith("cluster-silo", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, silos.Count);
        foreach (var (deployment, container) in silos)
        {
            var labels = deployment.Spec.Template.Metadata.Labels;
            Assert.Equal("cluster", labels[KubernetesHostingOptions.ClusterIdLabel]);
            Assert.Equal("cluster", labels[KubernetesHostingOptions.ServiceIdLabel]);
            Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ClusterIdLabel}']", FieldOf(container, KubernetesHostingOptions.ClusterIdEnvironmentVariable));
            Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ServiceIdLabel}']", FieldOf(container, KubernetesHostingOptions.ServiceIdEnvironmentVariable));
            Assert.Equal("metadata.name", FieldOf(container, KubernetesHostingOptions.PodNameEnvironmentVariable));
            Assert.Equal("metadata.namespace", FieldOf(container, KubernetesHostingOptions.PodNamespaceEnvironmentVariable));
            Assert.Equal("status.podIP", FieldOf(container, KubernetesHostingOptions.PodIPEnvironmentVariable));
            Assert.Equal("cluster-silo", deployment.Spec.Template.Spec.ServiceAccountName);

            var options = ClusterHostOptions.From(ConfigurationKeys.FromEnvironment(Environment(container, DockerfileOf(container))));
            Assert.True(options.Kubernetes);
            Assert.False(options.IsEmbedded);
            Assert.True(options.UsesTls);
            Assert.True(options.Storage.IsPostgres);
        }
    }

    [Fact]
    public async Task Pods_get_longer_to_stop_than_their_images_own_shutdown_limit()
    {
        foreach (var (deployment, container) in await ContainersAsync())
        {
            var limit = int.Parse(ContainerEnvironment.OfImage(DockerfileOf(container))["DOTNET_shutdownTimeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(deployment.Spec.Template.Spec.TerminationGracePeriodSeconds > limit, deployment.Metadata.Name);
        }
    }

    [Fact]
    public async Task Gateway_joins_the_cluster_the_silo_labels_name_with_the_keys_a_client_requires()
    {
        var containers = await ContainersAsync();
        var (_, gateway) = containers.Single(c => c.Deployment.Metadata.Name == "cluster-gateway");
        var silo = containers.Single(c => c.Deployment.Metadata.Name == "cluster-silo").Deployment;

        var configuration = ConfigurationKeys.FromEnvironment(Environment(gateway, DockerfileOf(gateway)));
        var options = ClusterHostOptions.From(configuration);
        ApiKeys.FromConfiguration(configuration, embedded: false);

        Assert.Equal(silo.Spec.Template.Metadata.Labels[KubernetesHostingOptions.ClusterIdLabel], options.ClusterId);
        Assert.Equal(silo.Spec.Template.Metadata.Labels[KubernetesHostingOptions.ServiceIdLabel], options.ServiceId);
        Assert.True(options.UsesTls);
    }

    [Fact]
    public async Task Gpu_silos_ask_for_a_gpu_on_gpu_nodes_with_the_gpu_role()
    {
        var (deployment, container) = (await ContainersAsync()).Single(c => c.Deployment.Metadata.Name == "cluster-silo-gpu");

        Assert.Equal("1", container.Resources.Limits["nvidia.com/gpu"].ToString());
        Assert.Equal("true", deployment.Spec.Template.Spec.NodeSelector["nvidia.com/gpu.present"]);
        Assert.StartsWith("cluster-gpu-silo", container.Image);
        var options = ClusterHostOptions.From(ConfigurationKeys.FromEnvironment(Environment(container, DockerfileOf(container))));
        Assert.Equal(["gpu"], options.Roles);
    }

    [Fact]
    public async Task Autoscaler_and_disruption_budgets_address_the_silo_and_gateway_pods()
    {
        var objects = await Rendered.Value;
        var deployments = objects.OfType<V1Deployment>().ToDictionary(d => d.Metadata.Name);
        var autoscaler = Assert.Single(objects.OfType<V2HorizontalPodAutoscaler>());

        Assert.Equal("cluster-silo", autoscaler.Spec.ScaleTargetRef.Name);
        Assert.True(deployments.ContainsKey(autoscaler.Spec.ScaleTargetRef.Name));
        foreach (var budget in objects.OfType<V1PodDisruptionBudget>())
        {
            var selected = deployments.Values.Where(d => budget.Spec.Selector.MatchLabels.All(l => d.Spec.Template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
            Assert.Equal(budget.Metadata.Name, Assert.Single(selected).Metadata.Name);
        }

        var service = Assert.Single(objects.OfType<V1Service>());
        Assert.Equal("cluster-gateway", deployments.Values.Single(d => service.Spec.Selector.All(l => d.Spec.Template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Metadata.Name);
    }

    /// <summary>The Dockerfile that builds the container's image: cluster-gateway:tag from deploy/docker/gateway.Dockerfile.</summary>
    private static string DockerfileOf(V1Container container) =>
        $"deploy/docker/{container.Image[..container.Image.IndexOf(':')]["cluster-".Length..]}.Dockerfile";

    private static string? FieldOf(V1Container container, string variable) =>
        container.Env.Single(e => e.Name == variable).ValueFrom?.FieldRef?.FieldPath;

    /// <summary>The container's variables over its image's defaults; values from secrets and the pod stand in as placeholders.</summary>
    private static Dictionary<string, string> Environment(V1Container container, string dockerfile)
    {
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Env)
            set[variable.Name] = variable.Value ?? (variable.ValueFrom?.SecretKeyRef is { } secret ? $"secret:{secret.Name}/{secret.Key}" : "from-the-pod");
        return ContainerEnvironment.Of(container.Name, dockerfile, set).Variables;
    }

    private static async Task<List<(V1Deployment Deployment, V1Container Container)>> ContainersAsync()
    {
        var containers = new List<(V1Deployment, V1Container)>();
        foreach (var deployment in (await Rendered.Value).OfType<V1Deployment>())
            foreach (var container in deployment.Spec.Template.Spec.Containers)
                containers.Add((deployment, container));
        return containers;
    }

    /// <summary>kubectl kustomize on a copy of deploy/k8s whose secret files hold placeholders, read strictly.</summary>
    private static async Task<List<object>> RenderAsync()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"cluster-k8s-{Guid.NewGuid():N}");
        try
        {
            CopyDirectory(DeployFiles.PathOf("deploy/k8s"), copy);
            var secrets = Directory.CreateDirectory(Path.Combine(copy, "secrets")).FullName;
            foreach (var file in (string[])["postgres-connection", "redis-connection", "admin-key", "cluster.crt", "cluster.key"])
                await File.WriteAllTextAsync(Path.Combine(secrets, file), "placeholder");
            var yaml = await DeployFiles.OutputOfAsync("kubectl", ["kustomize", copy]);
            return KubernetesYaml.LoadAllFromString(yaml, strict: true);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
            if (Path.GetFileName(dir) != "secrets")
                CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}

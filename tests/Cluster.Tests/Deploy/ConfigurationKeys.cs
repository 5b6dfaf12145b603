using System.Reflection;
using System.Text.RegularExpressions;
using Cluster.Grains.ActorCore;
using Cluster.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Cluster.Tests.Deploy;

/// <summary>
/// The configuration keys the silo and the gateway read: the properties of the options classes bound to their
/// sections, the keys the sources look up by name, and the variables the platform reads (ASP.NET Core, the .NET
/// host, Orleans' Kubernetes hosting, the NVIDIA container runtime). Environment variables name keys as
/// .NET's configuration does: "__" separates sections, and ASPNETCORE_/DOTNET_ prefix host settings.
/// </summary>
internal static partial class ConfigurationKeys
{
    private static readonly HashSet<string> Known = Collect();

    /// <summary>The configuration key an environment variable sets.</summary>
    public static string KeyOf(string variable)
    {
        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        foreach (var prefix in (string[])["ASPNETCORE_", "DOTNET_"])
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !Known.Contains(key))
                return key[prefix.Length..];
        }

        return key;
    }

    /// <summary>Whether the code (ours or the platform's) reads the key an environment variable sets; list items ("…:0") count as their list.</summary>
    public static bool IsRead(string variable)
    {
        var key = KeyOf(variable);
        if (Known.Contains(key))
            return true;
        var last = key.LastIndexOf(':');
        return last > 0 && int.TryParse(key[(last + 1)..], out _) && Known.Contains(key[..last]);
    }

    /// <summary>Configuration as a process would see it with these environment variables.</summary>
    public static IConfiguration FromEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        var pairs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
            pairs[KeyOf(name)] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(pairs).Build();
    }

    private static HashSet<string> Collect()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        AddOptions(keys, ClusterHostOptions.Section, typeof(ClusterHostOptions));
        AddOptions(keys, ActorCoreOptions.Section, typeof(ActorCoreOptions));
        foreach (var source in Directory.EnumerateFiles(DeployFiles.Root, "*.cs", SearchOption.AllDirectories))
        {
            if (!IsProductSource(source))
                continue;
            foreach (Match match in NamedKey().Matches(File.ReadAllText(source)))
                keys.Add(match.Groups["key"].Value);
        }

        // Read by the platform: ASP.NET Core's listen addresses, the host's shutdown limit, the runtime's container
        // detection, the NVIDIA container runtime, the OpenTelemetry exporter, and Orleans' Kubernetes hosting.
        keys.UnionWith(["urls", "shutdownTimeoutSeconds", "DOTNET_RUNNING_IN_CONTAINER", "NVIDIA_DRIVER_CAPABILITIES", "OTEL_EXPORTER_OTLP_ENDPOINT"]);
        keys.UnionWith([
            KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
            KubernetesHostingOptions.PodIPEnvironmentVariable, KubernetesHostingOptions.ClusterIdEnvironmentVariable,
            KubernetesHostingOptions.ServiceIdEnvironmentVariable,
        ]);
        return keys;
    }

    private static bool IsProductSource(string path)
    {
        var relative = Path.GetRelativePath(DeployFiles.Root, path).Replace('\\', '/');
        return (relative.StartsWith("silo/", StringComparison.Ordinal) || relative.StartsWith("client-gateway/", StringComparison.Ordinal)
                || relative.StartsWith("grains/", StringComparison.Ordinal))
               && !relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal);
    }

    private static void AddOptions(HashSet<string> keys, string section, Type options)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true })
                continue;
            var key = $"{section}:{property.Name}";
            var type = property.PropertyType;
            if (type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
                AddOptions(keys, key, type);
            else
                keys.Add(key);
        }
    }

    /// <summary>configuration["Cluster:…"] and GetSection("Cluster:…") in the sources.</summary>
    [GeneratedRegex("""(?:\[|GetSection\()"(?<key>Cluster:[A-Za-z:]+)"[\]\)]""")]
    private static partial Regex NamedKey();
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Cluster.Silo.Hosting;

public static class ClusterExceptionTypes
{
    /// <summary>
    /// Exceptions of our own namespaces cross processes as themselves, not as a fallback type, so that not-found and
    /// conflict keep their HTTP meaning wherever a grain throws them. Silos and clients alike need it.
    /// </summary>
    public static IServiceCollection KeepClusterExceptionTypes(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Cluster"));
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cluster.Grains.Knowledge.Tenants;

public static class TenantServiceCollectionExtensions
{
    /// <summary>Binds <see cref="TenantOptions"/> from "Cluster:Tenants" and refuses to start with unusable ones.</summary>
    public static IServiceCollection AddTenants(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TenantOptions>().Bind(configuration.GetSection(TenantOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TenantOptions>, TenantOptionsValidation>());
        return services;
    }

    private sealed class TenantOptionsValidation : IValidateOptions<TenantOptions>
    {
        public ValidateOptionsResult Validate(string? name, TenantOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}

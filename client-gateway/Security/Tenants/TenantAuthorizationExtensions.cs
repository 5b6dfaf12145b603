using Cluster.GrainInterfaces.Knowledge.Tenants;

namespace Cluster.Gateway.Security;

public static class TenantAuthorizationExtensions
{
    /// <summary>
    /// Callers need a tenant key with <paramref name="capability"/> (<paramref name="allowAdmin"/>: or the admin key);
    /// the endpoint reads who called with <see cref="TenantCaller.From"/>. A <c>{kbId}</c> route value outside the
    /// key's allow-list is answered 404 before the endpoint runs.
    /// </summary>
    public static TBuilder RequireTenantCapability<TBuilder>(this TBuilder builder, TenantCapability capability, bool allowAdmin = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TenantCapabilityRequirement(capability, allowAdmin)).AddEndpointFilter<TBuilder, TenantKeyFilter>();
}

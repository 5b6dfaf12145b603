using Cluster.GrainInterfaces.Knowledge.Tenants;

namespace Cluster.Gateway.Security;

/// <summary>
/// Endpoint metadata: callers need a tenant key with <see cref="Capability"/> (or, where <see cref="AllowsAdmin"/>,
/// the admin key). <see cref="TenantKeyFilter"/> enforces it; <see cref="ApiKeyFilter"/> leaves such endpoints to it.
/// </summary>
public sealed record TenantCapabilityRequirement(TenantCapability Capability, bool AllowsAdmin);

using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>A new key with its plaintext <see cref="ApiKey"/>: the only time the secret is shown; only its hash is kept.</summary>
[GenerateSerializer]
[Alias("Knowledge.CreatedApiKey")]
public sealed record CreatedApiKey(
    [property: Id(0)] ApiKeyInfo Key,
    [property: Id(1)] string ApiKey);

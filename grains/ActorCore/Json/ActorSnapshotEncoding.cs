using System.Text.Json;
using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// Encodes snapshots as the gateway answers them: System.Text.Json's web defaults (camelCase), the options the
/// gateway's own serialiser starts from; a test holds the two byte for byte.
/// </summary>
public static class ActorSnapshotEncoding
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ActorSnapshotJson Encode(ActorSnapshot snapshot) => new()
    {
        Version = snapshot.Version,
        RegistryVersion = snapshot.RegistryVersion,
        Utf8 = JsonSerializer.SerializeToUtf8Bytes(snapshot, Options),
    };
}
